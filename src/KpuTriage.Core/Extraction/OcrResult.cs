namespace KpuTriage.Core.Extraction;

/// <summary>
/// Turns pages read (partly) by OCR into a result. What was read is kept even when a page
/// failed or a limit was hit, so the clerk who gets the letter sees it; only when no page holds
/// any text is there nothing to keep.
/// </summary>
internal static class OcrResult
{
    /// <param name="reasons">Why the read is incomplete, the most telling first; nulls are skipped.</param>
    public static ExtractionResult From(List<ExtractedPage> pages, string method, params string?[] reasons)
    {
        var reason = Array.Find(reasons, r => r is not null);
        if (PageText.AllBlank(pages))
        {
            return ExtractionResult.NeedsHuman(method, reason ?? ExtractionReasons.NoTextLayer);
        }

        return new ExtractionResult(pages, method, reason);
    }
}
