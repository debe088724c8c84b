namespace KpuTriage.Core.Evaluation;

/// <summary>
/// Per-field scores over a set of labelled letters. Pure and independent of how the proposals
/// were made, so the CLI's pipeline run and a replay of a stored prompt version score alike.
/// </summary>
/// <param name="Fields">By field name, in the labels file's column order.</param>
public sealed record Scorecard(int Letters, IReadOnlyDictionary<string, FieldScore> Fields)
{
    public static Scorecard Score(IReadOnlyList<string> fields, IReadOnlyCollection<ScoredLetter> letters)
    {
        var scores = new OrderedDictionary<string, FieldScore>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var outcomes = letters.Select(l => l.Outcome(field)).ToList();
            var exact = outcomes.Count(o => o.Exact);
            scores[field] = LabelColumns.IsCategory(field)
                ? new FieldScore(field, true, outcomes.Count, exact, null, ConfusionTable.From(outcomes))
                : new FieldScore(field, false, outcomes.Count, exact, outcomes.Count(o => o.Normalised), null,
                    FieldComparison.LooseThreshold(field) is null ? null : outcomes.Count(o => o.Loose == true));
        }

        return new Scorecard(letters.Count, scores);
    }
}
