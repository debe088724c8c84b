using System.Diagnostics;
using System.Globalization;
using KpuTriage.Core.Classification;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>
/// Rule-parser cost per document on the text PDF's pages, split back into letters. Each call
/// is microseconds, so each is timed on its own over many calls, after a warm-up that lets
/// tiered JIT and the regex caches settle, and reported as mean and p95.
/// </summary>
internal static class ParserBenchmark
{
    private const int WarmUp = 500;
    private const int Iterations = 5000;

    public static void Run(BenchmarkInputs inputs, IReadOnlyList<ExtractedPage> textPages, IReadOnlyList<ExtractedPage> ocrPages, ResultTable table, CancellationToken cancellationToken)
    {
        // The taxonomy the hosts use, copied next to the binary by KpuTriage.Core's build.
        var prompts = Path.Combine(AppContext.BaseDirectory, "prompts");
        var parser = new LetterHeaderParser(Taxonomy.Load(prompts));
        var seed = SeedSet.Load(prompts, parser.Taxonomy);
        var training = Stopwatch.StartNew();
        var classifier = LetterClassifier.Train(seed.Examples);
        training.Stop();
        var current = new CurrentClassifier();
        current.Use(new ClassifierModel { TrainedBy = "benchmark", SeedSha256 = seed.Sha256, TaxonomyVersion = parser.Taxonomy.Version, Content = [] }, classifier);
        var engine = new LocalEngine(parser, current);
        var documents = Split(textPages, inputs.TextPagesPerLetter);
        Console.WriteLine($"  parser: {WarmUp} warm-up + {Iterations} calls over {documents.Count} letters…");

        // ProposeAsync completes synchronously (the rules are CPU-only); blocking adds no wait.
        var (parse, propose) = Time(
            i => parser.Parse(documents[i % documents.Count]),
            i => engine.ProposeAsync(documents[i % documents.Count], cancellationToken).GetAwaiter().GetResult());

        table.Section($"Letter parser, per document ({inputs.TextPagesPerLetter} pages of the text PDF each), {Iterations} calls after {WarmUp} warm-up");
        table.Row("LetterHeaderParser.Parse", Format(parse.MeanMicroseconds), Spread(parse));
        table.Row("LocalEngine.ProposeAsync (parser + classifier + warnings)", Format(propose.MeanMicroseconds), Spread(propose));
        table.Row($"classifier training on the {seed.Examples.Count}-example seed set", $"{training.Elapsed.TotalSeconds:0.0} s");
        table.Row("letter numbers read from the text PDF", Correct(parser, documents, inputs.Letters));
        table.Row("letter numbers read from the OCR pages", Correct(parser, Split(ocrPages, 1), inputs.Letters));
    }

    // The two calls alternate, so a neighbour's load or a GC hits both alike rather than one.
    private static (Timings First, Timings Second) Time(Action<int> first, Action<int> second)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            first(i);
            second(i);
        }

        var firstTicks = new long[Iterations];
        var secondTicks = new long[Iterations];
        for (var i = 0; i < Iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            first(i);
            var middle = Stopwatch.GetTimestamp();
            second(i);
            secondTicks[i] = Stopwatch.GetTimestamp() - middle;
            firstTicks[i] = middle - start;
        }

        return (Timings.Of(firstTicks), Timings.Of(secondTicks));
    }

    // A sanity check that the timed work is the real work: a parser that read nothing would be fast too.
    private static string Correct(LetterHeaderParser parser, List<IReadOnlyList<ExtractedPage>> documents, IReadOnlyList<BenchmarkLetter> letters)
    {
        var correct = documents.Where((pages, i) => parser.Parse(pages).LetterNumber.Value == letters[i].LetterNumber).Count();
        return string.Create(CultureInfo.InvariantCulture, $"{correct} of {documents.Count}");
    }

    /// <summary>Consecutive runs of pages, renumbered from 1, one per letter.</summary>
    private static List<IReadOnlyList<ExtractedPage>> Split(IReadOnlyList<ExtractedPage> pages, int perLetter) =>
    [
        .. pages.Chunk(perLetter).Select(chunk => (IReadOnlyList<ExtractedPage>)[.. chunk.Select((p, i) => p with { Number = i + 1 })]),
    ];

    private static string Format(double microseconds) => string.Create(CultureInfo.InvariantCulture, $"{microseconds:F1} µs mean");

    private static string Spread(Timings t) => string.Create(CultureInfo.InvariantCulture,
        $"p50 {t.MedianMicroseconds:F1} µs, p95 {t.P95Microseconds:F1} µs, max {t.MaxMicroseconds:F0} µs");
}
