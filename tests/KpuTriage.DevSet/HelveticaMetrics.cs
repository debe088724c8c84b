using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace KpuTriage.DevSet;

/// <summary>
/// Text widths in Helvetica, measured by the PDF writer itself. The scans use Nimbus Sans
/// (Helvetica's metric twin) or a narrower Times, so a page laid out here fits in both.
/// </summary>
internal static class HelveticaMetrics
{
    private static readonly PdfDocumentBuilder Scratch = new();
    private static readonly PdfPageBuilder Page = Scratch.AddPage(PageSize.A4);
    private static readonly PdfDocumentBuilder.AddedFont Regular = Scratch.AddStandard14Font(Standard14Font.Helvetica);
    private static readonly PdfDocumentBuilder.AddedFont Heavy = Scratch.AddStandard14Font(Standard14Font.HelveticaBold);

    public static double Width(string text, double size, bool bold)
    {
        var letters = Page.MeasureText(text, size, new PdfPoint(0, 0), bold ? Heavy : Regular);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X;
    }
}
