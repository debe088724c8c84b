namespace KpuTriage.Core.Evaluation;

/// <summary>One document's line in the report: its label row (null when unlabelled) and each labelled field's outcome, for finding the misses behind a score.</summary>
public sealed record DocumentScore(
    string File,
    string? Label,
    string Rendering,
    string Status,
    string? ManualTriageReason,
    double? MachineSeconds,
    IReadOnlyDictionary<string, FieldOutcome> Fields);
