using System.Diagnostics;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>
/// Extraction and parsing speed against the command-line tools a script would use instead.
/// Needs tesseract (ind+eng), poppler-utils and ImageMagick; no RabbitMQ or PostgreSQL.
/// </summary>
internal static class ExtractionSuite
{
    public static async Task<int> RunAsync(int pages, CancellationToken cancellationToken)
    {
        if (CliTool.Missing("tesseract", "pdftoppm", "pdftotext", "convert") is { } missing)
        {
            await Console.Error.WriteLineAsync($"missing on PATH: {missing} (apt-get install -y tesseract-ocr tesseract-ocr-ind poppler-utils imagemagick)");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var startLoad = LoadAverage();
        Console.WriteLine($"extraction benchmark: {pages} letters");
        using var inputs = await BenchmarkInputs.CreateAsync(pages, cancellationToken);
        var table = new ResultTable();
        var ocrPages = await OcrBenchmark.RunAsync(inputs, table, cancellationToken);
        var textPages = await PdfTextBenchmark.RunAsync(inputs, table, cancellationToken);
        ParserBenchmark.Run(inputs, textPages, ocrPages, table, cancellationToken);
        Console.WriteLine(table.Render());
        // The timings are only as good as the machine was quiet: say how busy it was.
        Console.WriteLine($"load average (1/5/15 min) at start: {startLoad}, at end: {LoadAverage()}");
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
