using System.Diagnostics;
using System.Globalization;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>
/// Everything the extraction suite reads, made at run time in a temp dir (nothing is
/// downloaded or checked in): one page image per letter, a scanned PDF of those images and a
/// text PDF of the same letters. Deleted on dispose.
/// </summary>
internal sealed class BenchmarkInputs : IDisposable
{
    private BenchmarkInputs(string directory, IReadOnlyList<BenchmarkLetter> letters)
    {
        Directory = directory;
        Letters = letters;
        PageImages = [.. letters.Select((_, i) => Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"page-{i + 1:D3}.png")))];
        ScannedPdf = Path.Combine(directory, "scanned.pdf");
        TextPdf = Path.Combine(directory, "text.pdf");
    }

    public string Directory { get; }

    public IReadOnlyList<BenchmarkLetter> Letters { get; }

    public IReadOnlyList<string> PageImages { get; }

    public string ScannedPdf { get; }

    public string TextPdf { get; }

    /// <summary>Pages of the text PDF per letter: its first page and its <see cref="BenchmarkLetter.MorePages"/>.</summary>
    public int TextPagesPerLetter => 1 + Letters[0].MorePages.Count;

    public int TextPdfPages => Letters.Count * TextPagesPerLetter;

    public static async Task<BenchmarkInputs> CreateAsync(int pages, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var inputs = new BenchmarkInputs(System.IO.Directory.CreateTempSubdirectory("kputriage-bench-extraction-").FullName, BenchmarkLetters.Make(pages));
        try
        {
            // Drawing is set-up, not measured: use every core.
            await Parallel.ForAsync(0, pages, cancellationToken, async (i, ct) =>
                await Extraction.PageImages.DrawAsync(inputs.Letters[i], inputs.PageImages[i], ct));
            await File.WriteAllBytesAsync(inputs.ScannedPdf, BenchmarkPdfs.Scanned(inputs.PageImages), cancellationToken);
            await File.WriteAllBytesAsync(inputs.TextPdf, BenchmarkPdfs.WithText(inputs.Letters), cancellationToken);
        }
        catch
        {
            inputs.Dispose();
            throw;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  inputs in {inputs.Directory}: {pages} page images, scanned PDF {new FileInfo(inputs.ScannedPdf).Length / 1024} KiB, " +
            $"text PDF {inputs.TextPdfPages} pages {new FileInfo(inputs.TextPdf).Length / 1024} KiB ({clock.Elapsed.TotalSeconds:F1} s)"));
        return inputs;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
