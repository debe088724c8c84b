namespace KpuTriage.Core.Evaluation;

/// <summary>The numbers for a set of documents (all of them, or one rendering): scores over the labelled ones, manual triage and machine time over all.</summary>
public sealed record EvaluationGroup(int Documents, Scorecard Scores, ManualTriageSummary ManualTriage, LatencySummary Latency)
{
    public static EvaluationGroup Of(LabelsFile labels, IReadOnlyCollection<DocumentOutcome> documents)
    {
        var letters = documents
            .Select(d => labels.RowFor(d.FileName) is { } row ? new ScoredLetter(row, d.Proposed) : null)
            .OfType<ScoredLetter>()
            .ToList();
        return new EvaluationGroup(
            documents.Count,
            Scorecard.Score(labels.Fields, letters),
            ManualTriageSummary.From(documents),
            LatencySummary.From(documents.Select(d => d.MachineSeconds).OfType<double>()));
    }
}
