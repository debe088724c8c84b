using System.Globalization;
using KpuTriage.Core.Documents;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Reads the text of a document, page by page: the text layer where there is one, OCR for
/// images and scanned PDF pages. Bad content never throws: a file the machine cannot read
/// comes back with <see cref="ExtractionResult.ManualTriageReason"/> set, so the letter
/// reaches a clerk instead of a retry loop. Only cancellation and faults of the stream or
/// the temp disk (I/O errors, which a retry may cure) escape.
/// </summary>
public sealed class TextExtractor : IDisposable
{
    private readonly TextExtractorOptions _options;
    private readonly TesseractOcr _ocr;

    public TextExtractor(TextExtractorOptions options)
    {
        _options = Validated(options);
        _ocr = new TesseractOcr(_options);
    }

    public TextExtractor()
        : this(new TextExtractorOptions())
    {
    }

    /// <summary>Reads the whole document, OCR included.</summary>
    public async Task<ExtractionResult> ExtractAsync(Stream content, DocumentKind kind, CancellationToken cancellationToken) =>
        (await ReadAsync(content, kind, ocr: true, cancellationToken))!;

    /// <summary>
    /// Reads what needs no OCR: text, Word, a PDF's text layer. OCR is the slow part (a scan
    /// can take minutes), so the pipeline gives it a stage of its own and ordinary letters never
    /// wait behind a scan.
    /// </summary>
    /// <returns>The text, or null when the document has pages only OCR can read (an image, a PDF with scanned pages): <see cref="ExtractAsync"/> reads it.</returns>
    public Task<ExtractionResult?> ExtractWithoutOcrAsync(Stream content, DocumentKind kind, CancellationToken cancellationToken) =>
        ReadAsync(content, kind, ocr: false, cancellationToken);

    /// <returns>Null only when <paramref name="ocr"/> is false and the document needs OCR.</returns>
    private async Task<ExtractionResult?> ReadAsync(Stream content, DocumentKind kind, bool ocr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        cancellationToken.ThrowIfCancellationRequested();

        var method = kind switch
        {
            DocumentKind.Text => ExtractionMethods.Text,
            DocumentKind.Pdf => ExtractionMethods.PdfText,
            DocumentKind.Docx => ExtractionMethods.Docx,
            DocumentKind.Image => ExtractionMethods.Ocr,
            _ => ExtractionMethods.None,
        };
        if (kind is not (DocumentKind.Text or DocumentKind.Pdf or DocumentKind.Docx or DocumentKind.Image))
        {
            return ExtractionResult.NeedsHuman(method, ExtractionReasons.UnsupportedKindPrefix + kind);
        }

        if (kind == DocumentKind.Image && !ocr)
        {
            return null;
        }

        var allowance = new TextAllowance(_options);
        if (kind == DocumentKind.Text)
        {
            return allowance.Keep(await PlainTextReader.ReadAsync(content, _options, allowance, cancellationToken));
        }

        var bytes = await BoundedRead.ReadAllAsync(content, _options.MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return ExtractionResult.NeedsHuman(
                method, $"{ExtractionReasons.TooLargePrefix}over {_options.MaxBytes} bytes");
        }

        var result = kind switch
        {
            DocumentKind.Pdf => await ReadPdfAsync(bytes, ocr, allowance, cancellationToken),
            DocumentKind.Image => await ReadImageAsync(bytes, cancellationToken),
            _ => DocxTextReader.Read(bytes, _options.MaxPages, _options.MaxUncompressedBytes, allowance, cancellationToken),
        };
        return result is null ? null : allowance.Keep(result);
    }

    /// <returns>Null when OCR can run; else the reason scans go to a clerk, naming the packages to install.</returns>
    public Task<string?> OcrUnavailableReasonAsync(CancellationToken cancellationToken) =>
        _ocr.MissingAsync(needsRenderer: true, cancellationToken);

    public void Dispose() => _ocr.Dispose();

    private async Task<ExtractionResult> ReadImageAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        // Frames are counted one past MaxPages at most: enough to know there are too many.
        var header = ImageHeader.Read(bytes, _options.MaxPages);
        if (header is null)
        {
            return ExtractionResult.NeedsHuman(ExtractionMethods.Ocr,
                ExtractionReasons.UnreadableImagePrefix + "no PNG, JPEG, TIFF, GIF, BMP or WebP header with a size was found");
        }

        if (header.Pixels > _options.OcrMaxPixels)
        {
            var size = $"{header.Width} × {header.Height} pixels";
            var frames = header.Pixels == header.Width * header.Height ? string.Empty : $", {header.Pixels} in all its frames together";
            return ExtractionResult.NeedsHuman(ExtractionMethods.Ocr,
                $"{ExtractionReasons.ImageTooLargePrefix}{size}{frames} (limit {_options.OcrMaxPixels}, Extraction:OcrMaxPixels)");
        }

        if (header.Defect is { } defect)
        {
            return ExtractionResult.NeedsHuman(ExtractionMethods.Ocr, ExtractionReasons.UnreadableImagePrefix + defect);
        }

        if (await _ocr.MissingAsync(needsRenderer: false, cancellationToken) is { } missing)
        {
            return ExtractionResult.NeedsHuman(ExtractionMethods.Ocr, missing);
        }

        // A GIF's decoder holds all its frames at once, so one image costs its Pixels; a TIFF is
        // read frame by frame, each frame charged on its own.
        var budget = Budget();
        var byPages = Math.Min(header.Frames, OcrPageLimit);
        var toRead = budget.Affordable(header.Frames == 1 ? [header.Pixels] : header.FramePixels.Take(byPages));
        if (toRead == 0)
        {
            return ExtractionResult.NeedsHuman(ExtractionMethods.Ocr, ExtractionReasons.OcrPixelBudgetSpent(0, byPages, budget.Pixels));
        }

        using var scratch = new ScratchDirectory();
        var file = scratch.File("image");
        await File.WriteAllBytesAsync(file, bytes, cancellationToken);
        var read = header.Frames == 1
            ? [await _ocr.ReadImageAsync(file, frame: null, scratch, budget, cancellationToken)]
            : await Task.WhenAll(Enumerable.Range(0, toRead).Select(frame => _ocr.ReadImageAsync(file, frame, scratch, budget, cancellationToken)));

        var pages = read.Select((page, index) => new ExtractedPage(index + 1, page.Text, page.Confidence, Uncertain: page.Uncertain)).ToList();
        var frameCount = header.Frames > _options.MaxPages ? $"over {_options.MaxPages}" : header.Frames.ToString(CultureInfo.InvariantCulture);
        var limit = header.Frames > byPages ? ExtractionReasons.TooManyScannedPages(frameCount, byPages) : null;
        return OcrResult.From(pages, ExtractionMethods.Ocr, _options.OcrMinConfidence, FirstFailure(read), BudgetReason(budget, read, byPages, toRead), limit);
    }

    // Text pages keep PdfPig's text (exact, and free); only pages without any are rendered
    // and read, in parallel up to the OCR slots, and no more of them than OcrMaxPages and the
    // document's pixel budget allow.
    private async Task<ExtractionResult?> ReadPdfAsync(byte[] bytes, bool ocr, TextAllowance allowance, CancellationToken cancellationToken)
    {
        var layer = PdfTextReader.ReadLayer(bytes, _options.MaxPages, _options.MaxUncompressedBytes, allowance, cancellationToken);
        var scanned = layer.Pages.Where(p => p.NeedsOcr).ToList();
        if (layer.Failure is not null || scanned.Count == 0)
        {
            return layer.TextOnly(_options.MaxPages);
        }

        if (!ocr)
        {
            return null;
        }

        var hasText = layer.Pages.Any(p => !string.IsNullOrWhiteSpace(p.Text));
        if (await _ocr.MissingAsync(needsRenderer: true, cancellationToken) is { } missing)
        {
            // Without OCR a PDF with some text still gives its header, as it did before OCR
            // existed (blank separator pages are common); a PDF of scans gives nothing.
            return hasText ? layer.TextOnly(_options.MaxPages) : ExtractionResult.NeedsHuman(ExtractionMethods.PdfText, missing);
        }

        var budget = Budget();
        var byPages = scanned.Take(OcrPageLimit).ToList();
        var toRead = byPages.Take(budget.Affordable(byPages.Select(_ocr.RenderedPixels))).ToList();
        using var scratch = new ScratchDirectory();
        var pdf = scratch.File("document.pdf");
        await File.WriteAllBytesAsync(pdf, bytes, cancellationToken);
        var read = await Task.WhenAll(toRead.Select(p => _ocr.ReadPdfPageAsync(pdf, p, scratch, budget, cancellationToken)));
        var byNumber = toRead.Zip(read).ToDictionary(pair => pair.First.Number, pair => pair.Second);

        var pages = layer.Pages
            .Select(p => byNumber.TryGetValue(p.Number, out var ocrPage) ? new ExtractedPage(p.Number, ocrPage.Text, ocrPage.Confidence, Uncertain: ocrPage.Uncertain) : new ExtractedPage(p.Number, p.Text))
            .ToList();
        var method = hasText ? ExtractionMethods.PdfTextAndOcr : ExtractionMethods.Ocr;
        var limit = scanned.Count > byPages.Count
            ? ExtractionReasons.TooManyScannedPages(scanned.Count.ToString(CultureInfo.InvariantCulture), byPages.Count)
            : null;
        var reasons = new[] { layer.PartialReason(_options.MaxPages), FirstFailure(read), BudgetReason(budget, read, byPages.Count, toRead.Count), limit };
        return OcrResult.From(pages, method, _options.OcrMinConfidence, reasons);
    }

    private OcrBudget Budget() => new(_options.OcrDocumentTimeout, _options.OcrMaxDocumentPixels);

    /// <returns>Why pages within OcrMaxPages were left unread: the time ran out, or the pixels did; null when neither.</returns>
    private static string? BudgetReason(OcrBudget budget, OcrPage[] read, int wanted, int affordable)
    {
        var unread = read.Count(page => page.OverBudget);
        if (unread > 0)
        {
            return ExtractionReasons.OcrTimeBudgetSpent(read.Length - unread, wanted, budget.Time);
        }

        return affordable < wanted ? ExtractionReasons.OcrPixelBudgetSpent(affordable, wanted, budget.Pixels) : null;
    }

    // MaxPages bounds what is read at all, so it bounds OCR too when set lower.
    private int OcrPageLimit => Math.Min(_options.OcrMaxPages, _options.MaxPages);

    private static string? FirstFailure(IEnumerable<OcrPage> read) => read.FirstOrDefault(p => p.Failure is not null)?.Failure;

    private static TextExtractorOptions Validated(TextExtractorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPages, 1, "Extraction:MaxPages");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBytes, 1, "Extraction:MaxBytes");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxUncompressedBytes, 1, "Extraction:MaxUncompressedBytes");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OcrMaxPages, 1, "Extraction:OcrMaxPages");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OcrMinConfidence, 0, "Extraction:OcrMinConfidence");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.OcrMinConfidence, 100, "Extraction:OcrMinConfidence");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OcrDpi, 1, "Extraction:OcrDpi");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OcrMaxPixels, 1, "Extraction:OcrMaxPixels");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OcrParallelism, 1, "Extraction:OcrParallelism");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.OcrPageTimeout, TimeSpan.Zero, "Extraction:OcrPageTimeout");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.OcrDocumentTimeout, TimeSpan.Zero, "Extraction:OcrDocumentTimeout");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.OcrMaxDocumentPixels, 1, "Extraction:OcrMaxDocumentPixels");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPageChars, 1, "Extraction:MaxPageChars");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTextChars, 1, "Extraction:MaxTextChars");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OcrLanguages, "Extraction:OcrLanguages");
        return options;
    }
}
