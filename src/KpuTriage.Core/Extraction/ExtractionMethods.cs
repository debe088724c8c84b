namespace KpuTriage.Core.Extraction;

/// <summary>The <see cref="ExtractionResult.Method"/> values: how the text was obtained.</summary>
public static class ExtractionMethods
{
    public const string Text = "text";
    public const string PdfText = "pdf-text";
    public const string Docx = "docx";

    /// <summary>Nothing was read (images, until OCR exists).</summary>
    public const string None = "none";
}
