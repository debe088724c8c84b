namespace KpuTriage.Core.Llm;

/// <summary>
/// A model's answer that fits the schema and the taxonomy: each field's value, quote and
/// confidence by API name, the disposition actions (codes) and the summary. Values may still
/// hold placeholders of masked personal data until restored.
/// </summary>
public sealed record ModelAnswer(
    IReadOnlyDictionary<string, AnsweredField> Fields,
    IReadOnlyList<string> DispositionActions,
    double DispositionConfidence,
    string? Summary,
    double SummaryConfidence);
