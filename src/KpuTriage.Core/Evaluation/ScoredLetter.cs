namespace KpuTriage.Core.Evaluation;

/// <summary>A labelled letter and what was proposed for it, by field API name; a field the proposal lacks is simply absent.</summary>
public sealed record ScoredLetter(LabelRow Label, IReadOnlyDictionary<string, string?> Proposed)
{
    public FieldOutcome Outcome(string field) =>
        FieldComparison.Compare(field, Label.Expected.GetValueOrDefault(field), Proposed.GetValueOrDefault(field));
}
