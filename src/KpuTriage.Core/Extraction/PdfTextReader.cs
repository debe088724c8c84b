using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// The text layer of a PDF, page by page. ContentOrderTextExtractor keeps the spaces
/// between words that <c>page.Text</c> glues together, and the line breaks the header
/// parser needs. Every stream PdfPig inflates is charged to one
/// <see cref="PdfInflationBudget"/>, so a decompression bomb stops the reading at its page; once
/// the pages read hold more text than is kept (<see cref="TextAllowance"/>), later pages are not read.
/// </summary>
internal static class PdfTextReader
{
    public static PdfTextLayer ReadLayer(byte[] bytes, int maxPages, long maxUncompressedBytes, TextAllowance allowance, CancellationToken cancellationToken)
    {
        var budget = new PdfInflationBudget(maxUncompressedBytes);
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes, new ParsingOptions { FilterProvider = budget });
        }
        catch (PdfDocumentEncryptedException ex) when (!budget.Exceeded)
        {
            return Encrypted(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Unopened(budget, ex);
        }

        using (document)
        {
            int pageCount;
            try
            {
                pageCount = document.NumberOfPages;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Unopened(budget, ex);
            }

            var pages = new List<PdfLayerPage>();
            string? pageFailure = null;
            long held = 0;
            for (var number = 1; number <= Math.Min(pageCount, maxPages) && held < allowance.DocumentHold; number++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    var page = document.GetPage(number);
                    var text = PageText.Normalize(ContentOrderTextExtractor.GetText(page));
                    pages.Add(new PdfLayerPage(number, text, Failed: false, page.Width, page.Height));
                    held += text.Length;
                }
                catch (PdfDocumentEncryptedException ex) when (!budget.Exceeded)
                {
                    // PdfPig blames the encryption for any failure in an encrypted file, the
                    // budget's refusal included; that one is told apart by the budget.
                    return Encrypted(ex);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One broken page should not hide the others from the clerk: keep it
                    // blank and report the first failure.
                    pageFailure ??= Corrupt($"page {number}: {ex.Message}");
                    pages.Add(new PdfLayerPage(number, string.Empty, Failed: true, 0, 0));
                }

                // PdfPig may swallow the refusal (a font it cannot load is skipped), so the
                // budget is asked, not the exception. The page is not rendered for OCR either:
                // poppler would inflate the same streams. Later pages would only be refused too.
                if (budget.Exceeded)
                {
                    pages[^1] = new PdfLayerPage(number, string.Empty, Failed: true, 0, 0);
                    return new PdfTextLayer(null, pages, pageCount, Bomb(budget, $"by page {number}"));
                }
            }

            return new PdfTextLayer(null, pages, pageCount, pageFailure);
        }
    }

    private static PdfTextLayer Encrypted(PdfDocumentEncryptedException ex) =>
        PdfTextLayer.Failed(ExtractionResult.NeedsHuman(
            ExtractionMethods.PdfText,
            ExtractionReasons.WithDetail(ExtractionReasons.EncryptedPdfPrefix, ex.Message)));

    private static PdfTextLayer Unopened(PdfInflationBudget budget, Exception ex) =>
        PdfTextLayer.Failed(ExtractionResult.NeedsHuman(
            ExtractionMethods.PdfText,
            budget.Exceeded ? Bomb(budget, "to open it") : Corrupt(ex.Message)));

    private static string Corrupt(string message) =>
        ExtractionReasons.WithDetail(ExtractionReasons.CorruptPdfPrefix, message);

    private static string Bomb(PdfInflationBudget budget, string when) =>
        ExtractionReasons.DecompressionBomb($"the streams read {when}", budget.MaxBytes);
}
