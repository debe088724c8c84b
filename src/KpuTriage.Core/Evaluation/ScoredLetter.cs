namespace KpuTriage.Core.Evaluation;

/// <summary>
/// A labelled letter and what was proposed for it, by field API name; a field the proposal lacks
/// is simply absent. <paramref name="Confidences"/> holds the engine's confidence per field when known.
/// </summary>
public sealed record ScoredLetter(LabelRow Label, IReadOnlyDictionary<string, string?> Proposed, IReadOnlyDictionary<string, double>? Confidences = null)
{
    public FieldOutcome Outcome(string field) =>
        FieldComparison.Compare(field, Label.Expected.GetValueOrDefault(field), Proposed.GetValueOrDefault(field));

    /// <summary>The engine's confidence in a field; 1 when unknown, so nothing counts as marked uncertain by default.</summary>
    public double Confidence(string field) => Confidences?.GetValueOrDefault(field, 1.0) ?? 1.0;
}
