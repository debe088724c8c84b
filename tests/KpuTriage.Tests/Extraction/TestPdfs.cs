using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace KpuTriage.Tests.Extraction;

/// <summary>PDFs made in the test, the way real producers make them.</summary>
internal static class TestPdfs
{
    /// <summary>
    /// One page per array of lines. Each word is drawn on its own with no space glyph
    /// between, as many PDF producers do, so only a layout-aware extractor sees the gaps.
    /// </summary>
    public static byte[] WithText(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            AddTextPage(builder, font, lines);
        }

        return builder.Build();
    }

    /// <summary>One A4 page per JPEG, the picture filling the page and no text layer: what a scanner's "scan to PDF" makes.</summary>
    public static byte[] Scanned(params byte[][] jpegPages)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var jpeg in jpegPages)
        {
            AddScanPage(builder, jpeg);
        }

        return builder.Build();
    }

    /// <summary>A typed cover page with a text layer, then a scanned page: a letter forwarded with a scanned attachment.</summary>
    public static byte[] TextThenScan(string[] lines, byte[] jpeg)
    {
        var builder = new PdfDocumentBuilder();
        AddTextPage(builder, builder.AddStandard14Font(Standard14Font.Helvetica), lines);
        AddScanPage(builder, jpeg);
        return builder.Build();
    }

    private static void AddTextPage(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont font, string[] lines)
    {
        var page = builder.AddPage(PageSize.A4);
        var y = 780.0;
        foreach (var line in lines)
        {
            var x = 60.0;
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var letters = page.AddText(word, 11, new PdfPoint(x, y), font);
                x = letters.Max(l => l.BoundingBox.Right) + 4;
            }

            y -= 16;
        }
    }

    private static void AddScanPage(PdfDocumentBuilder builder, byte[] jpeg)
    {
        var page = builder.AddPage(PageSize.A4);
        page.AddJpeg(jpeg, new PdfRectangle(0, 0, page.PageSize.Width, page.PageSize.Height));
    }

    /// <summary>A page with a drawn frame and no text, like a scan's vector border.</summary>
    public static byte[] RectangleOnly()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(100, 100), 200, 150, 2, fill: false);
        return builder.Build();
    }

    /// <summary>
    /// A PDF under the standard security handler whose password we do not have: the /O
    /// and /U entries match neither an empty nor any known password.
    /// </summary>
    public static byte[] PasswordProtected()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -44 >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Encrypt 4 0 R ");
        pdf.Append(CultureInfo.InvariantCulture, $"/ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
