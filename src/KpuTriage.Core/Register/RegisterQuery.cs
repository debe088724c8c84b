namespace KpuTriage.Core.Register;

/// <summary>Filters of the buku agenda: a search over number, sender, perihal and agenda number, and taxonomy codes.</summary>
public sealed record RegisterQuery
{
    public string? Search { get; init; }
    public int? Year { get; init; }
    public string? Register { get; init; }
    public string? Unit { get; init; }
    public string? LetterType { get; init; }
    public string? Urgency { get; init; }
    public string? Security { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}
