namespace KpuTriage.Core.Review;

/// <summary>How many waiting items each filter value has, over the whole inbox, so a clerk sees where the work is.</summary>
public sealed record InboxFacets(
    int Total,
    IReadOnlyDictionary<string, int> Status,
    IReadOnlyDictionary<string, int> Unit,
    IReadOnlyDictionary<string, int> LetterType,
    IReadOnlyDictionary<string, int> Urgency,
    IReadOnlyDictionary<string, int> Security,
    IReadOnlyDictionary<string, int> Source,
    int Flagged);
