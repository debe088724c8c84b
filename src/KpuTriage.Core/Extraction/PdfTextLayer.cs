namespace KpuTriage.Core.Extraction;

/// <summary>
/// What PdfPig read from a PDF: either <see cref="Failure"/> (encrypted, unreadable) or the
/// pages up to the limit, with the first page-level failure kept for the clerk.
/// </summary>
internal sealed record PdfTextLayer(ExtractionResult? Failure, IReadOnlyList<PdfLayerPage> Pages, int PageCount, string? FirstFailure)
{
    public static PdfTextLayer Failed(ExtractionResult failure) => new(failure, [], 0, null);

    /// <summary>The reason a read that otherwise worked still needs a clerk: a broken page, or too many.</summary>
    public string? PartialReason(int maxPages) =>
        FirstFailure is not null ? ExtractionReasons.WithDetail(ExtractionReasons.CorruptPdfPrefix, FirstFailure)
        : PageCount > maxPages ? ExtractionReasons.TooManyPages(PageCount, maxPages)
        : null;

    /// <summary>The result from the text layer alone, as when no page needs (or can get) OCR.</summary>
    public ExtractionResult TextOnly(int maxPages)
    {
        if (Failure is not null)
        {
            return Failure;
        }

        if (Pages.All(p => string.IsNullOrWhiteSpace(p.Text)))
        {
            return FirstFailure is null
                ? ExtractionResult.NeedsHuman(ExtractionMethods.PdfText, ExtractionReasons.NoTextLayer)
                : ExtractionResult.NeedsHuman(ExtractionMethods.PdfText, ExtractionReasons.WithDetail(ExtractionReasons.CorruptPdfPrefix, FirstFailure));
        }

        return PageText.Result([.. Pages.Select(p => p.Text)], ExtractionMethods.PdfText, maxPages, PartialReason(maxPages));
    }
}
