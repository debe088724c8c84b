namespace KpuTriage.Core.Evaluation;

/// <summary>The numbers for a set of documents (all of them, or one rendering): scores over the labelled ones, manual triage and machine time over all.</summary>
/// <param name="HandwrittenNumbers">Over the letters labelled with a handwritten number part; null when none is.</param>
/// <param name="SummaryCoverage">Mean share of labelled content words the summaries cover (<see cref="Evaluation.SummaryCoverage"/>); null when none could be measured.</param>
public sealed record EvaluationGroup(
    int Documents,
    Scorecard Scores,
    ManualTriageSummary ManualTriage,
    LatencySummary Latency,
    HandwrittenNumberScore? HandwrittenNumbers = null,
    double? SummaryCoverage = null)
{
    public static EvaluationGroup Of(LabelsFile labels, IReadOnlyCollection<DocumentOutcome> documents)
    {
        var letters = documents
            .Select(d => labels.RowFor(d.FileName) is { } row ? new ScoredLetter(row, d.Proposed, d.Confidences) : null)
            .OfType<ScoredLetter>()
            .ToList();
        return new EvaluationGroup(
            documents.Count,
            Scorecard.Score(labels.Fields, letters),
            ManualTriageSummary.From(documents),
            LatencySummary.From(documents.Select(d => d.MachineSeconds).OfType<double>()),
            labels.Fields.Contains(FieldComparison.LetterNumber) ? HandwrittenNumberScore.From(letters) : null,
            Evaluation.SummaryCoverage.Of(letters).Share);
    }
}
