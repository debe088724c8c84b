namespace KpuTriage.Core.Extraction;

/// <summary>
/// Turns pages read (partly) by OCR into a result. What was read is kept even when a page
/// failed or a limit was hit, so the clerk who gets the letter sees it; only when no page holds
/// any text is there nothing to keep.
/// </summary>
internal static class OcrResult
{
    /// <param name="reasons">Why the read is incomplete, the most telling first; nulls are skipped.</param>
    public static ExtractionResult From(List<ExtractedPage> pages, string method, int minConfidence, params string?[] reasons)
    {
        var reason = Array.Find(reasons, r => r is not null);
        if (PageText.AllBlank(pages))
        {
            return ExtractionResult.NeedsHuman(method, reason ?? ExtractionReasons.NoTextLayer);
        }

        return new ExtractionResult(pages, method, reason ?? Unreadable(pages, method, minConfidence));
    }

    // Only a document read wholly by OCR is judged: in a mixed PDF the text layer already gives
    // the letter, and a speckled separator page would otherwise send a good letter to a clerk.
    // Every OCR'd page must be below the minimum, so the best one is the one reported.
    private static string? Unreadable(List<ExtractedPage> pages, string method, int minConfidence)
    {
        return method == ExtractionMethods.Ocr && pages.Max(p => p.OcrConfidence) is { } best && best < minConfidence
            ? ExtractionReasons.ScanUnreadable(best, minConfidence)
            : null;
    }
}
