namespace KpuTriage.Core.Review;

/// <summary>
/// The inbox filters. Status is "in_review", "manual_triage" or "awaiting_co_approval"; Flagged
/// keeps items flagged for injection or disagreement; Search looks in file name, number,
/// sender and perihal.
/// </summary>
public sealed record InboxQuery
{
    public const string InReview = "in_review";
    public const string ManualTriage = "manual_triage";
    public const string AwaitingCoApproval = "awaiting_co_approval";

    public string? Status { get; init; }
    public string? Unit { get; init; }
    public string? LetterType { get; init; }
    public string? Urgency { get; init; }
    public string? Security { get; init; }
    public string? Source { get; init; }
    public bool Flagged { get; init; }
    public string? Search { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}
