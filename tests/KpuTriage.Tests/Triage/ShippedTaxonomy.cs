using KpuTriage.Core.Classification;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;

namespace KpuTriage.Tests.Triage;

/// <summary>The taxonomy shipped in prompts/ (copied next to the test assembly), and a parser over it.</summary>
internal static class ShippedTaxonomy
{
    private static readonly Lazy<Taxonomy> Loaded = new(() => Taxonomy.Load(Directory));

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "prompts");

    public static Taxonomy Taxonomy => Loaded.Value;

    private static readonly Lazy<LetterHeaderParser> SharedParser = new(() => new LetterHeaderParser(Taxonomy));

    public static LetterHeaderParser Parser => SharedParser.Value;

    private static readonly Lazy<LetterClassifier> SeedClassifier = new(() => LetterClassifier.Train(SeedSet.Load(Directory, Taxonomy).Examples));

    /// <summary>The classifier trained on the shipped seed set, as a new office starts with.</summary>
    public static CurrentClassifier SeedTrained()
    {
        var current = new CurrentClassifier();
        current.Use(new ClassifierModel { TrainedBy = "tests", SeedSha256 = "seed", TaxonomyVersion = Taxonomy.Version, Content = [] }, SeedClassifier.Value);
        return current;
    }

    /// <summary>No classifier: training failed, so the engine proposes with the parser alone.</summary>
    public static CurrentClassifier NoClassifier()
    {
        var current = new CurrentClassifier();
        current.GiveUp();
        return current;
    }

    /// <summary>Parses a letter given as page texts (page 1 first).</summary>
    public static LetterFields Parse(params string[] pages) =>
        Parser.Parse([.. pages.Select((text, i) => new ExtractedPage(i + 1, text))]);

    /// <summary>Parses a letter as OCR gives it back (pages carry an OCR confidence).</summary>
    public static LetterFields ParseOcr(params string[] pages) =>
        Parser.Parse([.. pages.Select((text, i) => new ExtractedPage(i + 1, text, OcrConfidence: 90))]);
}
