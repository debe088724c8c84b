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
