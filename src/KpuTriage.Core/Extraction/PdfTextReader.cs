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
    public static PdfTextLayer ReadLayer(byte[] bytes, int maxPages, CancellationToken cancellationToken)
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

            var pages = new List<PdfLayerPage>();
            string? firstFailure = null;
            for (var number = 1; number <= Math.Min(pageCount, maxPages); number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var page = document.GetPage(number);
                    var text = PageText.Normalize(ContentOrderTextExtractor.GetText(page));
                    pages.Add(new PdfLayerPage(number, text, Failed: false, page.Width, page.Height));
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
                    pages.Add(new PdfLayerPage(number, string.Empty, Failed: true, 0, 0));
                }
            }

            return new PdfTextLayer(null, pages, pageCount, firstFailure);
        }
    }

    private static PdfTextLayer Encrypted(PdfDocumentEncryptedException ex) =>
        PdfTextLayer.Failed(ExtractionResult.NeedsHuman(
            ExtractionMethods.PdfText,
            ExtractionReasons.WithDetail(ExtractionReasons.EncryptedPdfPrefix, ex.Message)));

    private static PdfTextLayer Corrupt(string message) =>
        PdfTextLayer.Failed(ExtractionResult.NeedsHuman(
            ExtractionMethods.PdfText,
            ExtractionReasons.WithDetail(ExtractionReasons.CorruptPdfPrefix, message)));
}
