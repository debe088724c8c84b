namespace KpuTriage.Core.Review;

/// <summary>How many waiting items share one combination of filter values.</summary>
public sealed record FacetCount(string Status, string? Unit, string? LetterType, string? Urgency, string? Security, string Source, bool Flagged, int Count)
{
    public bool Matches(InboxQuery query) =>
        (string.IsNullOrEmpty(query.Status) || query.Status == Status)
        && (string.IsNullOrEmpty(query.Unit) || query.Unit == Unit)
        && (string.IsNullOrEmpty(query.LetterType) || query.LetterType == LetterType)
        && (string.IsNullOrEmpty(query.Urgency) || query.Urgency == Urgency)
        && (string.IsNullOrEmpty(query.Security) || query.Security == Security)
        && (string.IsNullOrEmpty(query.Source) || query.Source == Source)
        && (!query.Flagged || Flagged);
}
