namespace KpuTriage.Core.Classification;

/// <summary>
/// One labelled letter the classifier learns from: what it reads (sender, perihal and a short
/// excerpt of the body — the summary, for letters the office approved) and the codes a clerk
/// gave it, by target name. A label may be missing: that target skips the example.
/// </summary>
public sealed record TrainingExample(string Sender, string Perihal, string Excerpt, IReadOnlyDictionary<string, string?> Labels)
{
    /// <summary>
    /// The one text the models featurize, the same at training and at prediction. The perihal
    /// is given twice: it says more than anything else about where a letter goes.
    /// </summary>
    public static string Compose(string? sender, string? perihal, string? excerpt) =>
        $"{sender} \n {perihal} \n {perihal} \n {excerpt}";
}
