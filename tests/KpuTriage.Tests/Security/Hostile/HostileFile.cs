namespace KpuTriage.Tests.Security.Hostile;

/// <summary>One hostile file, made on demand (some are tens of megabytes), and what the desk must do with it.</summary>
internal sealed record HostileFile(string Kind, string FileName, Func<byte[]> Make, HostileOutcome Expected, string? ExternalId = null)
{
    public override string ToString() => Kind;
}
