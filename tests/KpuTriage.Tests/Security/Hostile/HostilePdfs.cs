using KpuTriage.Tests.Extraction;
using static KpuTriage.Tests.Extraction.TestPdfs;

namespace KpuTriage.Tests.Security.Hostile;

/// <summary>PDFs built to hurt a reader: broken structure, loops, active content, absurd pages.</summary>
internal static class HostilePdfs
{
    /// <summary>The magic and nothing a reader can use.</summary>
    public static byte[] HeaderOnly() => Ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\n");

    /// <summary>A real letter PDF cut in half: no xref, no trailer.</summary>
    public static byte[] Truncated()
    {
        var whole = WithText(["Nomor : 1/PP.01.1-SD/5304/1/2025", "Hal : Surat terpotong"]);
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A page tree whose only kid is the tree itself: a naive walk never ends.</summary>
    public static byte[] CircularPageTree() => Raw(
    [
        Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
        Ascii("<< /Type /Pages /Kids [2 0 R] /Count 1 >>"),
    ], string.Empty);

    /// <summary>A catalog with no page tree at all.</summary>
    public static byte[] NoPages() => Raw([Ascii("<< /Type /Catalog >>")], string.Empty);

    /// <summary>A typed letter whose catalog runs JavaScript on open and launches a program: text to read, nothing to run.</summary>
    public static byte[] WithJavaScript() => Raw(
    [
        Ascii("<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R /Names << /JavaScript << /Names [(x) 6 0 R] >> >> >>"),
        Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /AA << /O 7 0 R >> >>"),
        Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        Stream(Ascii("BT /F1 11 Tf 60 780 Td (Nomor : 7/PP.01.1-SD/5304/1/2025) Tj 0 -16 Td (Hal : Permohonan Data Pemilih) Tj ET"), string.Empty),
        Ascii("<< /S /JavaScript /JS (app.alert\\('pwned'\\); this.exportDataObject\\({cName: 'x', nLaunch: 2}\\);) >>"),
        Ascii("<< /S /Launch /F (/bin/sh) /Win << /F (cmd.exe) /P (/c calc) >> >>"),
    ], string.Empty);

    /// <summary>One empty page 200 inches square (14,400 points): 6,000 × 6,000 pixels per 30 dpi, 400 MP at 300 dpi.</summary>
    public static byte[] HugePage() => BlankPage(14_400, 14_400);

    /// <summary>A typed page, then a page 200 inches square: the desk must not render the second at screen resolution.</summary>
    public static byte[] TextThenHugePage() => Raw(
    [
        Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
        Ascii("<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"),
        Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
        Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        Stream(Ascii("BT /F1 11 Tf 60 780 Td (Nomor : 8/PP.01.1-SD/5304/1/2025) Tj 0 -16 Td (Hal : Lampiran Peta Besar) Tj ET"), string.Empty),
        Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Resources << /Font << /F1 4 0 R >> >> /Contents 7 0 R >>"),
        Stream(Ascii("BT /F1 400 Tf 100 7000 Td (PETA) Tj ET"), string.Empty),
    ], string.Empty);

    /// <summary>An xref table whose offsets point past the end of the file.</summary>
    public static byte[] XrefOutOfBounds()
    {
        var pdf = WithText(["Nomor : 9/PP.01.1-SD/5304/1/2025", "Hal : Xref rusak"]);
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var start = text.LastIndexOf("startxref\n", StringComparison.Ordinal);
        return [.. pdf[..start], .. Ascii("startxref\n999999999\n%%EOF\n")];
    }

    /// <summary>Text typed by a person into a file named .pdf.</summary>
    public static byte[] TextNamedPdf() => System.Text.Encoding.UTF8.GetBytes("Nomor : 10/PP.01.1-SD/5304/1/2025\nHal : Bukan PDF\n");

    /// <summary><paramref name="count"/> scanned pages at 100 dpi (quick to read, so the page limit, not the clock, decides).</summary>
    public static byte[] ScannedPages(int count) => Scanned([.. Enumerable.Repeat(ScanImages.Convert(ScanImages.Letter100Png, "jpg"), count)]);
}
