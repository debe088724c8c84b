using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
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

    /// <summary>
    /// A Word package written by hand whose document.xml holds <paramref name="whitespace"/> bytes
    /// of blanks between its elements, then one paragraph: a gigabyte of them deflates to a megabyte.
    /// </summary>
    public static byte[] WithWhitespace(long whitespace)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """);
            Write(archive, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """);
            using var document = archive.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            document.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""u8);
            var blanks = new byte[1 << 20];
            Array.Fill(blanks, (byte)' ');
            for (long written = 0; written < whitespace; written += blanks.Length)
            {
                document.Write(blanks, 0, (int)Math.Min(blanks.Length, whitespace - written));
            }

            document.Write("<w:p><w:r><w:t>Nomor : 1/PP.01.1-SD/5304/1/2025</w:t></w:r></w:p></w:body></w:document>"u8);
        }

        return zip.ToArray();
    }

    /// <summary>The package with <paramref name="count"/> more (empty) entries.</summary>
    public static byte[] WithEmptyEntries(byte[] docx, int count)
    {
        using var zip = new MemoryStream();
        zip.Write(docx);
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Update, leaveOpen: true))
        {
            for (var i = 0; i < count; i++)
            {
                archive.CreateEntry($"customXml/empty{i}.bin", CompressionLevel.NoCompression);
            }
        }

        return zip.ToArray();
    }

    /// <summary>The package with both headers of <paramref name="entryName"/> claiming <paramref name="claimed"/> inflated bytes.</summary>
    public static byte[] WithClaimedSize(byte[] zip, string entryName, uint claimed)
    {
        var patched = (byte[])zip.Clone();
        var name = Encoding.ASCII.GetBytes(entryName);
        // Local header: size at 22, name at 30. Central directory record: size at 24, name at 46.
        foreach (var (signature, sizeAt, nameAt) in new[] { ("PK\u0003\u0004", 22, 30), ("PK\u0001\u0002", 24, 46) })
        {
            var marker = Encoding.ASCII.GetBytes(signature);
            for (var at = patched.AsSpan().IndexOf(marker); at >= 0; at = Next(patched, marker, at))
            {
                if (patched.AsSpan(at + nameAt).StartsWith(name))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(at + sizeAt), claimed);
                }
            }
        }

        return patched;
    }

    private static int Next(byte[] bytes, byte[] marker, int after)
    {
        var found = bytes.AsSpan(after + 1).IndexOf(marker);
        return found < 0 ? -1 : after + 1 + found;
    }

    private static void Write(ZipArchive archive, string name, string content)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(content);
    }
}
