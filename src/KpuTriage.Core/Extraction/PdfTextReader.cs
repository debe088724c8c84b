using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// The text layer of a PDF, page by page. ContentOrderTextExtractor keeps the spaces
/// between words that <c>page.Text</c> glues together, and the line breaks the header
/// parser needs.
/// </summary>
internal static class PdfTextReader
{
    public static ExtractionResult Read(byte[] bytes, int maxPages, CancellationToken cancellationToken)
    {
        PdfDocument document;
        int pageCount;
        try
        {
            document = PdfDocument.Open(bytes);
        }
        catch (PdfDocumentEncryptedException ex)
        {
            return Encrypted(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Corrupt(ex.Message);
        }

        using (document)
        {
            try
            {
                pageCount = document.NumberOfPages;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Corrupt(ex.Message);
            }

            var texts = new List<string>();
            string? firstFailure = null;
            for (var number = 1; number <= Math.Min(pageCount, maxPages); number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    texts.Add(PageText.Normalize(ContentOrderTextExtractor.GetText(document.GetPage(number))));
                }
                catch (PdfDocumentEncryptedException ex)
                {
                    return Encrypted(ex);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One broken page should not hide the others from the clerk: keep it
                    // blank and report the first failure.
                    firstFailure ??= $"page {number}: {ex.Message}";
                    texts.Add(string.Empty);
                }
            }

            if (texts.All(string.IsNullOrWhiteSpace))
            {
                return firstFailure is null
                    ? ExtractionResult.NeedsHuman(ExtractionMethods.PdfText, ExtractionReasons.NoTextLayer)
                    : Corrupt(firstFailure);
            }

            var reason = firstFailure is null
                ? null
                : ExtractionReasons.WithDetail(ExtractionReasons.CorruptPdfPrefix, firstFailure);
            if (reason is null && pageCount > maxPages)
            {
                reason = ExtractionReasons.TooManyPages(pageCount, maxPages);
            }

            return PageText.Result(texts, ExtractionMethods.PdfText, maxPages, reason);
        }
    }

    private static ExtractionResult Encrypted(PdfDocumentEncryptedException ex) =>
        ExtractionResult.NeedsHuman(
            ExtractionMethods.PdfText,
            ExtractionReasons.WithDetail(ExtractionReasons.EncryptedPdfPrefix, ex.Message));

    private static ExtractionResult Corrupt(string message) =>
        ExtractionResult.NeedsHuman(
            ExtractionMethods.PdfText,
            ExtractionReasons.WithDetail(ExtractionReasons.CorruptPdfPrefix, message));
}
