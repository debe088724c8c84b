using System.Diagnostics;
using System.Globalization;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>
/// Text-layer extraction: KpuTriage's <see cref="TextExtractor"/> (PdfPig, in process) against
/// poppler's <c>pdftotext -layout</c> (a process per document, as a script would run it) on
/// the same text PDF. A pass takes milliseconds, so it is repeated after a warm-up that
/// JIT-compiles PdfPig and fills the page cache.
/// </summary>
internal static class PdfTextBenchmark
{
    private const int WarmUp = 3;
    private const int Iterations = 20;

    public static async Task<IReadOnlyList<ExtractedPage>> RunAsync(BenchmarkInputs inputs, ResultTable table, CancellationToken cancellationToken)
    {
        var pages = inputs.TextPdfPages;
        var bytes = await File.ReadAllBytesAsync(inputs.TextPdf, cancellationToken);
        using var extractor = new TextExtractor();
        ExtractionResult? result = null;
        Console.WriteLine($"  PDF text: {WarmUp} warm-up + {Iterations} passes over {pages} pages each…");
        var kpu = await RepeatAsync(async () =>
        {
            // From the bytes, as the consumer has them: the stream is part of the API being timed.
            using var stream = new MemoryStream(bytes, writable: false);
            result = await extractor.ExtractAsync(stream, DocumentKind.Pdf, cancellationToken);
        });
        if (result!.Method != ExtractionMethods.PdfText || result.Pages.Count != pages)
        {
            throw new InvalidOperationException($"the text PDF was not read from its text layer: method {result.Method}, {result.Pages.Count} pages, {result.ManualTriageReason}");
        }

        var poppler = await RepeatAsync(() => CliTool.RunAsync("pdftotext", ["-layout", inputs.TextPdf, "-"], cancellationToken));

        // Rates from the median pass: a neighbour's build or a GC on one pass moves the mean, not the median.
        string Rate(double[] seconds) => string.Create(CultureInfo.InvariantCulture, $"{pages / Median(seconds):F0} pages/s");
        string Took(double[] seconds) => string.Create(CultureInfo.InvariantCulture,
            $"per document median {Median(seconds) * 1000:F1} ms, mean {seconds.Average() * 1000:F1}, fastest {seconds.Min() * 1000:F1}, slowest {seconds.Max() * 1000:F1}");
        table.Section($"PDF text layer, one {pages}-page PDF ({inputs.Letters.Count} letters × {inputs.TextPagesPerLetter} pages), {Iterations} passes after {WarmUp} warm-up");
        table.Row("KpuTriage TextExtractor (PdfPig, method pdf-text)", Rate(kpu), Took(kpu));
        table.Row("pdftotext -layout (one process per pass)", Rate(poppler), Took(poppler));
        table.Row("ratio KpuTriage / pdftotext", string.Create(CultureInfo.InvariantCulture, $"{Median(poppler) / Median(kpu):P1}"), "goal >= 50 %; from the medians");
        return result.Pages;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }

    /// <returns>Seconds per measured pass.</returns>
    private static async Task<double[]> RepeatAsync(Func<Task> pass)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            await pass();
        }

        var seconds = new double[Iterations];
        for (var i = 0; i < Iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await pass();
            seconds[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        return seconds;
    }
}
