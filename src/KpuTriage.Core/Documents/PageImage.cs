namespace KpuTriage.Core.Documents;

/// <summary>
/// What the desk gets for one page of a PDF: the PNG's <see cref="Path"/>; or <see cref="Failure"/>,
/// why the page cannot be drawn (remembered for PageImages:RetryFailedAfter); or <see cref="Busy"/>
/// when no turn to draw came within PageImages:RenderTimeout; or none of them when there is no such page.
/// </summary>
public sealed record PageImage(string? Path, string? Failure, bool Busy)
{
    public static PageImage None { get; } = new(null, null, false);

    public static PageImage Waited { get; } = new(null, null, true);

    public static PageImage At(string path) => new(path, null, false);

    public static PageImage Failed(string reason) => new(null, reason, false);
}
