namespace KpuTriage.Core.Extraction;

/// <summary>The <see cref="ExtractionResult.Method"/> values: how the text was obtained.</summary>
public static class ExtractionMethods
{
    public const string Text = "text";
    public const string PdfText = "pdf-text";
    public const string Docx = "docx";

    /// <summary>Every page was read by OCR: an image, or a PDF of scans.</summary>
    public const string Ocr = "ocr";

    /// <summary>A PDF whose text pages were read from the text layer and whose scanned pages by OCR.</summary>
    public const string PdfTextAndOcr = "pdf-text+ocr";

    /// <summary>Nothing was read (an unsupported kind, a missing file).</summary>
    public const string None = "none";
}
