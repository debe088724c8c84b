using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Extraction;

/// <summary>Limits that keep one hostile or huge file from exhausting a worker, and how scans are read (OCR).</summary>
public sealed class TextExtractorOptions
{
    public const string SectionName = "Extraction";

    /// <summary>Pages read per document; a longer one is read up to here and sent to a clerk.</summary>
    [Range(1, 100_000)]
    public int MaxPages { get; set; } = 500;

    /// <summary>Bytes read per document; a larger one is not read at all.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// Bytes a document's compressed parts may inflate to, all together: a DOCX's zip entries,
    /// a PDF's streams. A few hundred kilobytes of deflate can claim gigabytes, so this, not
    /// <see cref="MaxBytes"/>, is what bounds the memory a small hostile file can ask for.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxUncompressedBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Tesseract languages, "+"-joined; each needs its tesseract-ocr-XXX package.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z_]+(\+[A-Za-z_]+)*$", ErrorMessage = "Extraction:OcrLanguages must look like 'ind+eng'.")]
    public string OcrLanguages { get; set; } = "ind+eng";

    /// <summary>Resolution a scanned PDF page is rendered at before OCR.</summary>
    [Range(72, 1200)]
    public int OcrDpi { get; set; } = 300;

    /// <summary>Time one page may take to render and read; the tools are killed after it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OcrPageTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Scanned pages (or TIFF frames) read by OCR per document; the rest wait for a clerk. At
    /// about a second a page a 500-page scan would hold a worker for eight minutes, and the
    /// header the engine needs is on the first pages. Text pages of a mixed PDF do not count.
    /// </summary>
    [Range(1, 100_000)]
    public int OcrMaxPages { get; set; } = 50;

    /// <summary>
    /// Time OCR may spend on one document, all its pages together, counted from its first page's
    /// start: a page still running when it passes is stopped, later pages are not read, and the
    /// pages read go to a clerk with the reason. Without it four slow frames of a 216 KB TIFF held
    /// a worker for two minutes (the page timeout bounds each page, not their sum).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Extraction:OcrDocumentTimeout must be between 1 second and 1 day.")]
    public TimeSpan OcrDocumentTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Pixels OCR reads per document, all scanned pages (or TIFF frames) together, in order: the
    /// first page that does not fit and those after it are not read. 500 MP is 57 A4 pages at
    /// 300 dpi, so a scan within <see cref="OcrMaxPages"/> at the usual resolution always fits.
    /// </summary>
    [Range(1, long.MaxValue, ErrorMessage = "Extraction:OcrMaxDocumentPixels must be at least 1.")]
    public long OcrMaxDocumentPixels { get; set; } = 500_000_000;

    /// <summary>
    /// Characters of text kept per page. A dense printed page holds 5,000; what a page holds past
    /// the limit is not kept (<see cref="ExtractionResult.Truncation"/> says so).
    /// </summary>
    [Range(1, 100_000_000, ErrorMessage = "Extraction:MaxPageChars must be between 1 and 100000000.")]
    public int MaxPageChars { get; set; } = 50_000;

    /// <summary>
    /// Characters of text kept per document, all pages together (about 200 dense pages). Every
    /// later stage holds the text in memory and the letter page shows all of it, so this, not the
    /// file's size, bounds what one letter costs past extraction.
    /// </summary>
    [Range(1, 100_000_000, ErrorMessage = "Extraction:MaxTextChars must be between 1 and 100000000.")]
    public int MaxTextChars { get; set; } = 1_000_000;

    /// <summary>
    /// Mean word confidence (0–100) below which a scan counts as unreadable: when every OCR'd
    /// page of a scan falls below it, its text is mostly guesses and a clerk should read it.
    /// 0 turns the check off.
    /// </summary>
    [Range(0, 100)]
    public int OcrMinConfidence { get; set; } = 40;

    /// <summary>Largest page or image OCR is given, in pixels (100 MP is A3 at 600 dpi with room to spare).</summary>
    [Range(1, long.MaxValue)]
    public long OcrMaxPixels { get; set; } = 100_000_000;

    /// <summary>Tesseract processes at once, across all documents of this worker.</summary>
    [Range(1, 256)]
    public int OcrParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>The tesseract executable: a path, or a name looked up on PATH.</summary>
    [Required]
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Poppler's pdftoppm, which renders scanned PDF pages: a path, or a name looked up on PATH.</summary>
    [Required]
    public string PdftoppmPath { get; set; } = "pdftoppm";
}
