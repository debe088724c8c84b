using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KpuTriage.Tests.Extraction;

/// <summary>Word documents made in the test with OpenXml.</summary>
internal static class TestDocx
{
    public static byte[] Build(IEnumerable<OpenXmlElement> blocks, params string[] headerLines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(blocks);
            main.Document = new Document(body);
            if (headerLines.Length > 0)
            {
                var header = main.AddNewPart<HeaderPart>();
                header.Header = new Header(headerLines.Select(Paragraph));
                body.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
            }
        }

        return stream.ToArray();
    }

    public static Paragraph Paragraph(string text) =>
        new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>A borderless table row, each cell holding the given paragraphs.</summary>
    public static TableRow Row(params string[][] cells) =>
        new(cells.Select(paragraphs => new TableCell(paragraphs.Select(Paragraph))));

    public static Table Table(params TableRow[] rows) => new(rows);
}
