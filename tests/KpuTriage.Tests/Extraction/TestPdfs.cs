using System.Globalization;
using System.IO.Compression;
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

    /// <summary>A typed cover page with a text layer, then scanned pages: a letter forwarded with a scanned attachment.</summary>
    public static byte[] TextThenScan(string[] lines, params byte[][] jpegPages)
    {
        var builder = new PdfDocumentBuilder();
        AddTextPage(builder, builder.AddStandard14Font(Standard14Font.Helvetica), lines);
        foreach (var jpeg in jpegPages)
        {
            AddScanPage(builder, jpeg);
        }

        return builder.Build();
    }

    /// <summary>A scanned A4 page, then an empty page of the given size in points: a page OCR would have to render.</summary>
    public static byte[] ScanThenBlankPage(byte[] jpeg, double widthPoints, double heightPoints)
    {
        var builder = new PdfDocumentBuilder();
        AddScanPage(builder, jpeg);
        builder.AddPage(widthPoints, heightPoints);
        return builder.Build();
    }

    /// <summary>One empty page of the given size in points, e.g. 20,000 × 20,000: 6.9 gigapixels at 300 dpi.</summary>
    public static byte[] BlankPage(double widthPoints, double heightPoints)
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(widthPoints, heightPoints);
        return builder.Build();
    }

    /// <summary>
    /// <paramref name="count"/> tiny pages (one inch square) that all draw "Halaman" from one shared
    /// content stream: 5,000 pages in under a megabyte, written directly because PdfPig's builder
    /// would copy the stream into each page.
    /// </summary>
    public static byte[] ManyTextPages(int count)
    {
        List<byte[]> objects =
        [
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii($"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(5, count).Select(n => $"{n} 0 R"))}] /Count {count} >>"),
            Stream("BT /F1 6 Tf 2 10 Td (Halaman) Tj ET"u8.ToArray(), string.Empty),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        ];
        objects.AddRange(Enumerable.Repeat(
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>"), count));
        return Raw(objects, string.Empty);
    }

    /// <summary>
    /// A typed page with the letter number, then a page whose deflated content stream inflates to
    /// <paramref name="inflatedBytes"/> spaces: a gigabyte of them is a file of one megabyte. With
    /// <paramref name="emptyPassword"/> the file is encrypted (RC4, 40 bits) under an empty user
    /// password, as "secured" office PDFs are: readable by anyone, every stream encrypted.
    /// </summary>
    public static byte[] DeflateBombOnPage2(long inflatedBytes, bool emptyPassword = false)
    {
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < inflatedBytes; written += spaces.Length)
            {
                zlib.Write(spaces, 0, (int)Math.Min(spaces.Length, inflatedBytes - written));
            }
        }

        var security = emptyPassword ? new EmptyPasswordSecurity() : null;
        byte[] Encrypted(int objectNumber, byte[] data) => security?.Encrypt(objectNumber, data) ?? data;
        List<byte[]> objects =
        [
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii("<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"),
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>"),
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            Stream(Encrypted(6, "BT /F1 11 Tf 60 780 Td (Nomor : 1/PP.01.1-SD/5304/1/2025) Tj ET"u8.ToArray()), string.Empty),
            Stream(Encrypted(7, deflated.ToArray()), "/Filter /FlateDecode "),
        ];
        if (security is null)
        {
            return Raw(objects, string.Empty);
        }

        objects.Add(Ascii(security.Dictionary));
        return Raw(objects, $"/Encrypt 8 0 R /ID [<{EmptyPasswordSecurity.FileId}> <{EmptyPasswordSecurity.FileId}>] ");
    }

    /// <summary>One page of the given size in points with a line of text, e.g. 14,400 points square: a 200-inch page.</summary>
    public static byte[] TextOnPage(double widthPoints, double heightPoints, string line)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(widthPoints, heightPoints);
        page.AddText(line, 11, new PdfPoint(60, heightPoints - 60), builder.AddStandard14Font(Standard14Font.Helvetica));
        return builder.Build();
    }

    /// <summary>
    /// <paramref name="pages"/> A4 pages with a line of text, each drawing one shared grey picture
    /// of <paramref name="side"/> × <paramref name="side"/> pixels <paramref name="draws"/> times:
    /// poppler decodes all of it for every draw (about two seconds for 20,000 square here), while
    /// the file stays small (the deflate of one colour) and text extraction never decodes it.
    /// </summary>
    public static byte[] SlowToRender(int pages, int side, int draws)
    {
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[side];
            Array.Fill(row, (byte)200);
            for (var y = 0; y < side; y++)
            {
                zlib.Write(row);
            }
        }

        List<byte[]> objects =
        [
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii($"<< /Type /Pages /Kids [{string.Join(' ', Enumerable.Range(6, pages).Select(n => $"{n} 0 R"))}] /Count {pages} >>"),
            Stream(deflated.ToArray(), $"/Type /XObject /Subtype /Image /Width {side} /Height {side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "),
            Stream(Ascii(string.Concat(Enumerable.Repeat("q 595 0 0 842 0 0 cm /Im0 Do Q ", draws)) + "BT /F1 11 Tf 60 780 Td (Nomor : 5/PL.01/2025) Tj ET"), string.Empty),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        ];
        objects.AddRange(Enumerable.Repeat(
            Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 3 0 R >> /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"), pages));
        return Raw(objects, string.Empty);
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
    public static byte[] PasswordProtected() => Raw(
    [
        Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
        Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
        Ascii($"<< /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -44 >>"),
    ], "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ");

    // Objects numbered from 1 in order, the first being the catalog; a classic xref table.
    internal static byte[] Raw(List<byte[]> objects, string trailerExtra)
    {
        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.4\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }

        var xref = pdf.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    internal static byte[] Stream(byte[] data, string dictionaryEntries) =>
        [.. Ascii($"<< /Length {data.Length} {dictionaryEntries}>>\nstream\n"), .. data, .. "\nendstream"u8];

    internal static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
