using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>PDFs built with PdfPig, since Debian's ImageMagick policy forbids writing PDF.</summary>
internal static class BenchmarkPdfs
{
    /// <summary>One A4 page per PNG, the picture filling the page and no text layer: a scanner's "scan to PDF".</summary>
    public static byte[] Scanned(IEnumerable<string> pngFiles)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var png in pngFiles)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddPng(File.ReadAllBytes(png), new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
        }

        return builder.Build();
    }

    /// <summary>
    /// Every letter as typed pages: its first page, then its continuation and attachment pages.
    /// Words are drawn one by one with no space glyph, as many producers do, so the extractor's
    /// layout analysis (not a glued <c>page.Text</c>) is what gets timed.
    /// </summary>
    public static byte[] WithText(IEnumerable<BenchmarkLetter> letters)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var letter in letters)
        {
            AddTextPage(builder, font, [.. letter.FirstPageLines]);
            foreach (var more in letter.MorePages)
            {
                AddTextPage(builder, font, more);
            }
        }

        return builder.Build();
    }

    private static void AddTextPage(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont font, IReadOnlyList<string> lines)
    {
        var page = builder.AddPage(PageSize.A4);
        var y = 790.0;
        foreach (var line in lines)
        {
            var x = 60.0;
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var letters = page.AddText(word, 10, new PdfPoint(x, y), font);
                x = letters.Max(l => l.BoundingBox.Right) + 3;
            }

            y -= 16;
        }
    }
}
