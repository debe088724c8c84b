using KpuTriage.Core.Review;

namespace KpuTriage.Web.Review;

/// <summary>
/// The JSON inbox's query string: the desk's filters (status in_review, manual_triage or
/// awaiting_co_approval; unit, letterType, urgency, security, source, flagged, search) and a page.
/// </summary>
public sealed record InboxRequest(
    string? Status, string? Unit, string? LetterType, string? Urgency, string? Security, string? Source, bool? Flagged, string? Search,
    int? Skip, int? Take)
{
    public const int DefaultTake = 50;
    public const int MaxTake = 200;

    public InboxQuery Query() => new()
    {
        Status = Status,
        Unit = Unit,
        LetterType = LetterType,
        Urgency = Urgency,
        Security = Security,
        Source = Source,
        Flagged = Flagged ?? false,
        Search = Search,
        Skip = Math.Max(Skip ?? 0, 0),
        Take = Math.Clamp(Take ?? DefaultTake, 1, MaxTake),
    };
}
