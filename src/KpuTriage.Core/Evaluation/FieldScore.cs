namespace KpuTriage.Core.Evaluation;

/// <summary>
/// How often one field was right over <see cref="Letters"/> labelled documents. Text fields
/// have both match counts; for a category field <see cref="Exact"/> is the number correct,
/// normalising is meaningless for codes, and <see cref="Confusion"/> shows where it goes wrong.
/// </summary>
/// <param name="Loose">For sender and perihal: right by word overlap (<see cref="FieldComparison.LooseThreshold"/>); null for other fields.</param>
public sealed record FieldScore(string Field, bool IsCategory, int Letters, int Exact, int? Normalised, ConfusionTable? Confusion, int? Loose = null)
{
    /// <summary>Exact matches as a share of the letters, 0..1; null when nothing was scored.</summary>
    public double? ExactShare => Share(Exact);

    public double? NormalisedShare => Normalised is { } normalised ? Share(normalised) : null;

    public double? LooseShare => Loose is { } loose ? Share(loose) : null;

    private double? Share(int count) => Letters == 0 ? null : (double)count / Letters;
}
