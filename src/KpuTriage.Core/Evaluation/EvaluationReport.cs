namespace KpuTriage.Core.Evaluation;

/// <summary>
/// Everything an evaluation measured, ready to print or serialise: the scores over all
/// documents, per rendering, per kind of image and over the letters with a handwritten number, the wall clock, what could not be scored, and every document's
/// field outcomes. Built from outcomes alone, so it does not care how they were produced.
/// </summary>
public sealed record EvaluationReport(
    EvaluationGroup Summary,
    IReadOnlyDictionary<string, EvaluationGroup> ByRendering,
    double WallClockSeconds,
    double? SecondsPerDocument,
    IReadOnlyList<string> PromptVersions,
    IReadOnlyList<string> UnlabelledDocuments,
    IReadOnlyList<string> UnmatchedLabels,
    IReadOnlyList<RefusedFile> Refused,
    IReadOnlyList<DocumentScore> Documents,
    IReadOnlyDictionary<string, EvaluationGroup>? ByKind = null,
    EvaluationGroup? HandwrittenNumber = null,
    IReadOnlyList<string>? IgnoredColumns = null)
{
    public static EvaluationReport Build(LabelsFile labels, IReadOnlyList<DocumentOutcome> documents, IReadOnlyList<RefusedFile> refused, TimeSpan wallClock)
    {
        var byRendering = Rendering.All
            .Select(r => (Rendering: r, Documents: documents.Where(d => d.Rendering == r).ToList()))
            .Where(g => g.Documents.Count > 0)
            .ToDictionary(g => g.Rendering, g => EvaluationGroup.Of(labels, g.Documents), StringComparer.Ordinal);
        var byKind = ImageKind.All
            .Select(k => (Kind: k, Documents: documents.Where(d => d.ImageKind == k).ToList()))
            .Where(g => g.Documents.Count > 0)
            .ToDictionary(g => g.Kind, g => EvaluationGroup.Of(labels, g.Documents), StringComparer.Ordinal);
        var handwritten = documents.Where(d => labels.RowFor(d.FileName) is { HandwrittenNumber: true }).ToList();
        var matched = documents.Select(d => labels.RowFor(d.FileName)?.File).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return new EvaluationReport(
            EvaluationGroup.Of(labels, documents),
            byRendering,
            wallClock.TotalSeconds,
            documents.Count == 0 ? null : wallClock.TotalSeconds / documents.Count,
            [.. documents.Select(d => d.PromptVersion).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            [.. documents.Where(d => labels.RowFor(d.FileName) is null).Select(d => d.FileName)],
            [.. labels.Rows.Where(r => !matched.Contains(r.File)).Select(r => r.File)],
            refused,
            [.. documents.Select(d => Score(labels, d))],
            byKind,
            handwritten.Count == 0 ? null : EvaluationGroup.Of(labels, handwritten),
            labels.IgnoredColumns);
    }

    private static DocumentScore Score(LabelsFile labels, DocumentOutcome document)
    {
        var row = labels.RowFor(document.FileName);
        var fields = new OrderedDictionary<string, FieldOutcome>(StringComparer.Ordinal);
        if (row is not null)
        {
            var letter = new ScoredLetter(row, document.Proposed);
            foreach (var field in labels.Fields)
            {
                fields[field] = letter.Outcome(field);
            }
        }

        return new DocumentScore(document.FileName, row?.File, document.Rendering, document.Status, document.ManualTriageReason, document.MachineSeconds, fields);
    }
}
