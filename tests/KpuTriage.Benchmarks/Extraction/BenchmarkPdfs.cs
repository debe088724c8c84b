using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using KpuTriage.Tests.Extraction;
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
    public static byte[] WithText(IEnumerable<BenchmarkLetter> letters) =>
        TestPdfs.WithText(letters
            .SelectMany(letter => new[] { letter.FirstPageLines.ToArray() }.Concat(letter.MorePages.Select(page => page.ToArray())))
            .ToArray());
}
