using System.Globalization;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// The <see cref="ExtractionResult.ManualTriageReason"/> sentences extraction gives. Other
/// stages and the desk match on these, so they are fixed strings; the prefixed ones are
/// followed by a short detail.
/// </summary>
public static class ExtractionReasons
{
    /// <summary>A scan or an image in which OCR found no text (a blank page), or a PDF page with neither text nor OCR.</summary>
    public const string NoTextLayer = "no text layer";

    /// <summary>A text file with nothing but whitespace in it.</summary>
    public const string EmptyDocument = "empty document";

    public const string EncryptedPdfPrefix = "encrypted PDF: ";
    public const string CorruptPdfPrefix = "corrupt PDF: ";
    public const string CorruptDocxPrefix = "corrupt DOCX: ";
    public const string TooManyPagesPrefix = "too many pages: ";
    public const string TooLargePrefix = "document too large: ";
    public const string UnsupportedKindPrefix = "unsupported document kind: ";

    /// <summary>A scan needs OCR and a tool is missing; the detail names the packages to install.</summary>
    public const string OcrNotInstalledPrefix = "OCR is not installed: ";

    /// <summary>Tesseract could not decode the image (corrupt or truncated), or its header is unreadable.</summary>
    public const string UnreadableImagePrefix = "unreadable image: ";

    /// <summary>An image or rendered page above Extraction:OcrMaxPixels; it is not decoded at all.</summary>
    public const string ImageTooLargePrefix = "image too large: ";

    /// <summary>A page took longer than Extraction:OcrPageTimeout to render and read.</summary>
    public const string OcrTimedOutPrefix = "OCR timed out: ";

    /// <summary>Compressed parts that inflate past Extraction:MaxUncompressedBytes; the reading stopped there.</summary>
    public const string DecompressionBombPrefix = "decompression bomb: ";

    /// <summary>More scanned pages than Extraction:OcrMaxPages; the first ones were read and are kept.</summary>
    public const string TooManyScannedPagesPrefix = "too many scanned pages: ";

    /// <summary>
    /// OCR spent the document's budget (Extraction:OcrDocumentTimeout or OcrMaxDocumentPixels)
    /// before its last scanned page; the pages read are kept.
    /// </summary>
    public const string OcrBudgetSpentPrefix = "OCR budget spent: ";

    /// <summary>
    /// Not a manual-triage reason but <see cref="ExtractionResult.Truncation"/>: the text passed
    /// Extraction:MaxPageChars or MaxTextChars and only its start is kept.
    /// </summary>
    public const string TextCutPrefix = "text cut: ";

    /// <summary>Every page OCR read scored below Extraction:OcrMinConfidence; the (doubtful) text is kept.</summary>
    public const string ScanUnreadablePrefix = "scan unreadable: ";

    // Library messages can be long stack-like texts; a clerk needs one line.
    private const int MaxDetailLength = 200;

    internal static string WithDetail(string prefix, string? detail)
    {
        var line = (detail ?? string.Empty).Split('\n', 2)[0].Trim();
        if (line.Length == 0)
        {
            line = "unreadable";
        }

        return prefix + (line.Length <= MaxDetailLength ? line : line[..MaxDetailLength] + "…");
    }

    internal static string TooManyPages(int pageCount, int maxPages) =>
        $"{TooManyPagesPrefix}{pageCount} (only the first {maxPages} were read)";

    /// <param name="count">The number of scanned pages, or "over N" when counting stopped at a limit.</param>
    internal static string TooManyScannedPages(string count, int read) =>
        $"{TooManyScannedPagesPrefix}{count} (only the first {read} were read by OCR)";

    internal static string OcrTimeBudgetSpent(int read, int scanned, TimeSpan budget) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{OcrBudgetSpentPrefix}{read} of {scanned} scanned pages were read in {budget.TotalSeconds:0} s (Extraction:OcrDocumentTimeout)");

    internal static string OcrPixelBudgetSpent(int read, int scanned, long budget) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{OcrBudgetSpentPrefix}{read} of {scanned} scanned pages fit in {budget} pixels (Extraction:OcrMaxDocumentPixels)");

    internal static string PageTextCut(int page, int maxPageChars) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{TextCutPrefix}page {page} holds over {maxPageChars} characters; only its first {maxPageChars} are kept (Extraction:MaxPageChars)");

    internal static string DocumentTextCut(int page, int maxTextChars) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{TextCutPrefix}the document holds over {maxTextChars} characters; only its first {maxTextChars} are kept, up to page {page} (Extraction:MaxTextChars)");

    internal static string ScanUnreadable(double confidence, int minimum) =>
        string.Create(CultureInfo.InvariantCulture, $"{ScanUnreadablePrefix}OCR confidence {confidence:0} (minimum {minimum})");

    internal static string DecompressionBomb(string what, long maxBytes) =>
        $"{DecompressionBombPrefix}{what} inflate to over {maxBytes} bytes (Extraction:MaxUncompressedBytes)";
}
