namespace KpuTriage.Core.Extraction;

/// <summary>
/// What PdfPig read from a PDF: either <see cref="Failure"/> (encrypted, unreadable) or the
/// pages up to the limit, with <see cref="PageFailure"/>, the reason a clerk is still needed
/// (the first broken page, or the page where the streams passed the inflation budget and
/// reading stopped).
/// </summary>
internal sealed record PdfTextLayer(ExtractionResult? Failure, IReadOnlyList<PdfLayerPage> Pages, int PageCount, string? PageFailure)
{
    public static PdfTextLayer Failed(ExtractionResult failure) => new(failure, [], 0, null);

    /// <summary>The reason a read that otherwise worked still needs a clerk: a broken page, or too many.</summary>
    public string? PartialReason(int maxPages) =>
        PageFailure ?? (PageCount > maxPages ? ExtractionReasons.TooManyPages(PageCount, maxPages) : null);

    /// <summary>The result from the text layer alone, as when no page needs (or can get) OCR.</summary>
    public ExtractionResult TextOnly(int maxPages)
    {
        if (Failure is not null)
        {
            return Failure;
        }

        if (Pages.All(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            return ExtractionResult.NeedsHuman(ExtractionMethods.PdfText, PageFailure ?? ExtractionReasons.NoTextLayer);
        }

        return PageText.Result([.. Pages.Select(p => p.Text)], ExtractionMethods.PdfText, maxPages, PartialReason(maxPages));
    }
}
