using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace KpuTriage.DevSet;

/// <summary>
/// A letter as an office's "save as PDF" gives it: a text layer in Helvetica, each word
/// drawn on its own with no space glyph between (as <c>TestPdfs.WithText</c> does), and
/// pieces where the layout put them, so only a layout-aware extractor sees the columns.
/// </summary>
internal static class TextPdfLetter
{
    public static byte[] Build(IEnumerable<LaidOutPage> pages)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        foreach (var laidOut in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            foreach (var run in laidOut.Runs)
            {
                var font = run.Bold ? bold : regular;
                var x = run.X;
                var space = HelveticaMetrics.Width(" ", run.Size, run.Bold);
                foreach (var word in run.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var letters = page.AddText(word, run.Size, new PdfPoint(x, PageLayout.PageHeight - run.Baseline), font);
                    x = letters[^1].EndBaseLine.X + space;
                }
            }

            foreach (var y in laidOut.Rules)
            {
                var flipped = PageLayout.PageHeight - y;
                page.DrawLine(new PdfPoint(56, flipped), new PdfPoint(PageLayout.PageWidth - 48, flipped), 1.6);
            }
        }

        return builder.Build();
    }
}
