using System.Diagnostics;
using System.Globalization;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Reads images and scanned PDF pages with the tesseract CLI (PDF pages rendered by poppler's
/// pdftoppm first). One instance per worker: its slots bound the tesseract processes of all
/// documents together, so two letters arriving at once do not oversubscribe the cores.
/// </summary>
internal sealed class TesseractOcr(TextExtractorOptions options) : IDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _slots = new(options.OcrParallelism, options.OcrParallelism);
    private readonly string[] _languages = options.OcrLanguages.Split('+');

    // Set once tesseract and every language were found; a failed probe is repeated on the
    // next document, so installing the packages takes effect without a restart.
    private volatile string? _tesseract;

    /// <returns>Null when OCR can run, else the reason naming what to install.</returns>
    public async Task<string?> MissingAsync(bool needsRenderer, CancellationToken cancellationToken)
    {
        if (_tesseract is null && await ProbeAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        return needsRenderer && ToolLocator.Find(options.PdftoppmPath) is null ? RendererMissing : null;
    }

    /// <summary>
    /// Reads one image, or one frame of a multi-page TIFF (<paramref name="frame"/>, from 0): a
    /// run per frame gives each its own timeout, keeps the frames read when one fails, and lets
    /// a TIFF of thousands of frames be read only as far as Extraction:OcrMaxPages.
    /// </summary>
    public async Task<OcrPage> ReadImageAsync(string image, int? frame, ScratchDirectory scratch, OcrBudget budget, CancellationToken cancellationToken)
    {
        var label = frame is { } index ? $"page {index + 1}: " : string.Empty;
        var outputBase = scratch.File("ocr-" + (frame?.ToString(CultureInfo.InvariantCulture) ?? "image"));
        await _slots.WaitAsync(cancellationToken);
        try
        {
            if (budget.Spent)
            {
                return OcrPage.Unread;
            }

            var read = await RecognizeAsync(image, outputBase, frame, dpi: null, budget.Allow(options.OcrPageTimeout), label, cancellationToken);
            return OverBudget(read, budget);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The pixels a PDF page renders to at Extraction:OcrDpi; 0 when it is over Extraction:OcrMaxPixels and will be refused unrendered.</summary>
    public long RenderedPixels(PdfLayerPage page)
    {
        var (width, height) = RenderedSize(page);
        return width * height > options.OcrMaxPixels ? 0 : width * height;
    }

    /// <summary>Renders one PDF page to a grey bitmap and reads it; the page timeout (or what is left of the budget) covers both steps.</summary>
    public async Task<OcrPage> ReadPdfPageAsync(string pdf, PdfLayerPage page, ScratchDirectory scratch, OcrBudget budget, CancellationToken cancellationToken)
    {
        var dpi = options.OcrDpi;
        var (width, height) = RenderedSize(page);
        if (width * height > options.OcrMaxPixels)
        {
            return OcrPage.Failed($"{ExtractionReasons.ImageTooLargePrefix}page {page.Number} would be {width} × {height} pixels at {dpi} dpi (limit {options.OcrMaxPixels})");
        }

        var label = $"page {page.Number}: ";
        await _slots.WaitAsync(cancellationToken);
        try
        {
            if (budget.Spent)
            {
                return OcrPage.Unread;
            }

            var timeout = budget.Allow(options.OcrPageTimeout);
            var clock = Stopwatch.StartNew();
            var number = page.Number.ToString(CultureInfo.InvariantCulture);
            var prefix = scratch.File($"page-{number}");
            var render = await ToolProcess.RunAsync(
                ToolLocator.Find(options.PdftoppmPath) ?? options.PdftoppmPath,
                ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-f", number, "-l", number, "-singlefile", pdf, prefix],
                timeout,
                cancellationToken);
            var image = prefix + ".pgm";
            var remaining = timeout - clock.Elapsed;
            if (render is null)
            {
                return OcrPage.Failed(RendererMissing);
            }

            if (render.TimedOut || remaining <= TimeSpan.Zero)
            {
                return OverBudget(OcrPage.Failed(TimedOut(label)), budget);
            }

            if (render.ExitCode != 0 || !File.Exists(image))
            {
                return OcrPage.Failed(ExtractionReasons.WithDetail(ExtractionReasons.CorruptPdfPrefix, label + render.ErrorLine()));
            }

            var read = await RecognizeAsync(image, prefix, frame: null, dpi, remaining, label, cancellationToken);
            // A 300 dpi A4 bitmap is 8.7 MB: gone now rather than when the document is done.
            File.Delete(image);
            return OverBudget(read, budget);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    // A page stopped because the document's time ran out was cut short by the budget, not by
    // its own slowness: it is reported as unread, and the reason names the budget.
    private static OcrPage OverBudget(OcrPage read, OcrBudget budget) =>
        read.Failure?.StartsWith(ExtractionReasons.OcrTimedOutPrefix, StringComparison.Ordinal) == true && budget.Spent ? OcrPage.Unread : read;

    private (long Width, long Height) RenderedSize(PdfLayerPage page) =>
        ((long)Math.Ceiling(page.WidthPoints / 72 * options.OcrDpi), (long)Math.Ceiling(page.HeightPoints / 72 * options.OcrDpi));

    /// <returns>The one page read (blank when Tesseract found nothing), or the reason it could not be.</returns>
    private async Task<OcrPage> RecognizeAsync(string image, string outputBase, int? frame, int? dpi, TimeSpan timeout, string label, CancellationToken cancellationToken)
    {
        List<string> arguments = [image, outputBase, "-l", options.OcrLanguages];
        if (dpi is { } known)
        {
            // A rendered page has no resolution tag, and Tesseract's guess sizes its text model wrongly.
            arguments.AddRange(["--dpi", known.ToString(CultureInfo.InvariantCulture)]);
        }

        if (frame is { } index)
        {
            arguments.AddRange(["-c", $"tessedit_page_number={index.ToString(CultureInfo.InvariantCulture)}"]);
        }

        arguments.Add("tsv");
        var run = await ToolProcess.RunAsync(_tesseract ?? options.TesseractPath, arguments, timeout, cancellationToken);
        var tsv = outputBase + ".tsv";
        if (run is null)
        {
            return OcrPage.Failed(TesseractMissing());
        }

        if (run.TimedOut)
        {
            return OcrPage.Failed(TimedOut(label));
        }

        if (run.ExitCode != 0 || !File.Exists(tsv))
        {
            return OcrPage.Failed(ExtractionReasons.WithDetail(ExtractionReasons.UnreadableImagePrefix, label + run.ErrorLine()));
        }

        return TesseractTsv.Parse(await File.ReadAllTextAsync(tsv, cancellationToken)) is [var page, ..] ? page : new OcrPage(string.Empty, null);
    }

    private async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        var path = ToolLocator.Find(options.TesseractPath);
        var run = path is null ? null : await ToolProcess.RunAsync(path, ["--list-langs"], ProbeTimeout, cancellationToken);
        if (run is null || run.TimedOut || run.ExitCode != 0)
        {
            return TesseractMissing();
        }

        // The first line is "List of available languages in ...", then one code a line.
        var installed = run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var missing = _languages.Where(l => !installed.Contains(l)).ToList();
        if (missing.Count > 0)
        {
            return $"{ExtractionReasons.OcrNotInstalledPrefix}install {Joined(missing.Select(LanguagePackage))} (Extraction:OcrLanguages wants {options.OcrLanguages})";
        }

        _tesseract = path;
        return null;
    }

    private string TesseractMissing() =>
        $"{ExtractionReasons.OcrNotInstalledPrefix}install {Joined(["tesseract-ocr", .. _languages.Where(l => l is not ("eng" or "osd")).Select(LanguagePackage)])}";

    private static string RendererMissing =>
        ExtractionReasons.OcrNotInstalledPrefix + "install poppler-utils (its pdftoppm renders scanned PDF pages)";

    private string TimedOut(string label) =>
        $"{ExtractionReasons.OcrTimedOutPrefix}{label}took over {options.OcrPageTimeout.TotalSeconds:0} s (Extraction:OcrPageTimeout)";

    // Debian names language packs after Tesseract's codes: chi_sim is tesseract-ocr-chi-sim.
    private static string LanguagePackage(string language) =>
        "tesseract-ocr-" + language.ToLowerInvariant().Replace('_', '-');

    private static string Joined(IEnumerable<string> packages)
    {
        var list = packages.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
