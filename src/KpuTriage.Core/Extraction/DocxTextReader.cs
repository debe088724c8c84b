using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// The text of a Word document in reading order, split into pages at explicit page breaks
/// (a DOCX has no laid-out pages). The first page's header is put in front of page 1
/// because Word templates keep the kop (letterhead) there.
/// </summary>
internal static class DocxTextReader
{
    // A zip bomb can pass the byte limit and inflate to gigabytes of XML; 64 M characters
    // is far beyond any real letter with attachments.
    private static readonly OpenSettings Settings = new() { MaxCharactersInPart = 64L * 1024 * 1024 };

    public static ExtractionResult Read(byte[] bytes, int maxPages, long maxUncompressedBytes, TextAllowance allowance, CancellationToken cancellationToken)
    {
        if (DocxPackageCheck.Refusal(bytes, maxUncompressedBytes, cancellationToken) is { } refusal)
        {
            return ExtractionResult.NeedsHuman(ExtractionMethods.Docx, refusal);
        }

        List<string> pages;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false, Settings);
            var main = document.MainDocumentPart;
            var body = main?.Document?.Body;
            if (main is null || body is null)
            {
                return Corrupt("the package has no document body");
            }

            var writer = new DocxPageWriter(allowance, cancellationToken);
            writer.WriteBlocks(body);
            pages = writer.Finish();
            foreach (var (page, documentFull) in writer.HeldShort)
            {
                allowance.HeldShort(page, documentFull);
            }

            var kop = FirstPageHeader(main, body, allowance, cancellationToken);
            if (!string.IsNullOrWhiteSpace(kop))
            {
                pages[0] = kop.TrimEnd('\n') + "\n" + pages[0];
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Corrupt(ex.Message);
        }

        pages = PageText.WithoutTrailingBlank([.. pages.Select(PageText.Normalize)]);
        if (pages.All(string.IsNullOrWhiteSpace))
        {
            // A Word file holding only pictures is usually a pasted scan: OCR's business.
            return ExtractionResult.NeedsHuman(ExtractionMethods.Docx, ExtractionReasons.NoTextLayer);
        }

        return PageText.Result(pages, ExtractionMethods.Docx, maxPages);
    }

    private static string? FirstPageHeader(MainDocumentPart main, Body body, TextAllowance allowance, CancellationToken cancellationToken)
    {
        var section = body.Descendants<SectionProperties>().FirstOrDefault();
        if (section is null)
        {
            return null;
        }

        var wanted = section.GetFirstChild<TitlePage>() is null ? HeaderFooterValues.Default : HeaderFooterValues.First;
        var reference = section.Elements<HeaderReference>()
            .FirstOrDefault(r => (r.Type?.Value ?? HeaderFooterValues.Default) == wanted);
        if (reference?.Id?.Value is not { } id || main.GetPartById(id) is not HeaderPart { Header: { } header })
        {
            return null;
        }

        var writer = new DocxPageWriter(allowance, cancellationToken);
        writer.WriteBlocks(header);
        if (writer.HeldShort.Count > 0)
        {
            allowance.HeldShort(1, documentFull: false);
        }

        return string.Join('\n', writer.Finish());
    }

    private static ExtractionResult Corrupt(string message) =>
        ExtractionResult.NeedsHuman(
            ExtractionMethods.Docx,
            ExtractionReasons.WithDetail(ExtractionReasons.CorruptDocxPrefix, message));
}
