using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Evaluation;

/// <summary>
/// What kind of image a letter reached the desk as, told from how its text was read rather
/// than from its name: a PDF read from its text layer, a PDF of scans read by OCR, or a photo
/// or flatbed image. Real letters score very differently across these, so the eval keeps them apart.
/// </summary>
public static class ImageKind
{
    public const string TextPdf = "text_pdf";
    public const string ScannedPdf = "scanned_pdf";
    public const string Image = "image";
    public const string Docx = "docx";
    public const string Text = "text";

    public static IReadOnlyList<string> All { get; } = [TextPdf, ScannedPdf, Image, Docx, Text];

    /// <param name="extractionMethod">The <see cref="ExtractionMethods"/> value the extraction stage recorded; null when nothing was extracted.</param>
    public static string Of(DocumentKind kind, string? extractionMethod) => kind switch
    {
        DocumentKind.Image => Image,
        // A PDF mixing text and scanned pages counts as scanned: its hard part is the OCR.
        DocumentKind.Pdf => extractionMethod is ExtractionMethods.Ocr or ExtractionMethods.PdfTextAndOcr ? ScannedPdf : TextPdf,
        DocumentKind.Docx => Docx,
        _ => Text,
    };
}
