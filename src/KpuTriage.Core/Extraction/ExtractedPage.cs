using System.Text.Json.Serialization;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// The text of one page, numbered from 1, as read from the document. <paramref name="OcrConfidence"/>
/// is Tesseract's mean word confidence (0–100) when the page was read by OCR, else null.
/// <paramref name="Truncated"/> is set when the page held more text than was kept (Extraction:MaxPageChars, MaxTextChars).
/// <paramref name="Uncertain"/> lists the words OCR read with low confidence (<see cref="UncertainSpan"/>); null for text pages and clean scans.
/// </summary>
public sealed record ExtractedPage(
    int Number,
    string Text,
    double? OcrConfidence = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Truncated = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<UncertainSpan>? Uncertain = null)
{
    /// <summary>Whether any character in [<paramref name="start"/>, <paramref name="end"/>) was read with low OCR confidence.</summary>
    public bool IsUncertain(int start, int end) => Uncertain?.Any(span => span.Overlaps(start, end)) == true;
}
