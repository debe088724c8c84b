using System.Globalization;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Triage;

/// <summary>
/// A page OCR read with low confidence may hold misread digits and words that still look
/// like a number or a date. Every value quoted from such a page is marked uncertain, so the
/// clerk checks it against the page image, and the proposal says which pages to check.
/// (A scan too poor to read at all never reaches the engine: extraction sends it to a clerk.)
/// </summary>
internal static class OcrDoubt
{
    /// <summary>Tesseract's mean word confidence (0–100) below which a page's readings are doubted.</summary>
    public const double DoubtfulPage = 70;

    // Just under the low-confidence line: shown as uncertain, but still the best reading there is.
    private const double Cap = ProposedField.LowConfidence - 0.05;

    public static (LetterFields Fields, IReadOnlyList<string> Warnings) Apply(LetterFields fields, IReadOnlyList<ExtractedPage> pages)
    {
        var doubtful = pages
            .Where(p => p.OcrConfidence is < DoubtfulPage)
            .ToDictionary(p => p.Number, p => p.OcrConfidence!.Value);
        if (doubtful.Count == 0)
        {
            return (fields, []);
        }

        var marked = fields.Map((_, field) => field.Evidence is { } evidence && doubtful.ContainsKey(evidence.Page) && field.Confidence > Cap
            ? field with { Confidence = Cap }
            : field);
        var warnings = doubtful
            .OrderBy(p => p.Key)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"page {p.Key}: read by OCR with confidence {p.Value:0} (below {DoubtfulPage:0}); check every value quoted from it against the image"))
            .ToList();
        return (marked, warnings);
    }
}
