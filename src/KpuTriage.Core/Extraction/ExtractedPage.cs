using System.Text.Json.Serialization;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// The text of one page, numbered from 1, as read from the document. <paramref name="OcrConfidence"/>
/// is Tesseract's mean word confidence (0–100) when the page was read by OCR, else null.
/// <paramref name="Truncated"/> is set when the page held more text than was kept (Extraction:MaxPageChars, MaxTextChars).
/// </summary>
public sealed record ExtractedPage(
    int Number,
    string Text,
    double? OcrConfidence = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Truncated = false);
