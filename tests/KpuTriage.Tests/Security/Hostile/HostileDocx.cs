using System.IO.Compression;
using System.Text;

namespace KpuTriage.Tests.Security.Hostile;

/// <summary>Word packages written by hand, each aimed at one weakness of an XML or zip reader.</summary>
internal static class HostileDocx
{
    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """;

    private const string Relationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """;

    private const string Body = """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>""";

    /// <summary>An external entity naming /etc/passwd: a reader that resolves it would put the server's accounts into the letter.</summary>
    public static byte[] ExternalEntity() => Package($"""
        <?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>{Body}<w:p><w:r><w:t>Nomor : 11/PP.01.1-SD/5304/1/2025 &xxe;</w:t></w:r></w:p></w:body></w:document>
        """);

    /// <summary>Ten levels of ten entities each: a billion "lol"s from a kilobyte.</summary>
    public static byte[] BillionLaughs()
    {
        var dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var level = 1; level <= 9; level++)
        {
            dtd.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{level} \"{string.Concat(Enumerable.Repeat($"&lol{level - 1};", 10))}\">");
        }

        return Package($"""<?xml version="1.0"?><!DOCTYPE w:document [{dtd}]>{Body}<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>""");
    }

    /// <summary>One run of <paramref name="characters"/> letters: 60 million deflate to well under a hundred kilobytes.</summary>
    public static byte[] ManyCharacters(long characters) => Package(document =>
    {
        document.Write(Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8"?>{Body}<w:p><w:r><w:t>Nomor : 12/PP.01.1-SD/5304/1/2025</w:t></w:r></w:p><w:p><w:r><w:t>"""));
        var block = new byte[1 << 20];
        Array.Fill(block, (byte)'a');
        for (long written = 0; written < characters; written += block.Length)
        {
            document.Write(block, 0, (int)Math.Min(block.Length, characters - written));
        }

        document.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
    });

    /// <summary>A zip with the package's parts but no word/document.xml.</summary>
    public static byte[] WithoutDocument()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "[Content_Types].xml", ContentTypes);
            Write(archive, "_rels/.rels", Relationships);
        }

        return zip.ToArray();
    }

    /// <summary>A package whose entry names climb out of any folder they are unpacked into.</summary>
    public static byte[] PathTraversal()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "[Content_Types].xml", ContentTypes);
            Write(archive, "_rels/.rels", Relationships);
            Write(archive, "word/document.xml", $"""<?xml version="1.0"?>{Body}<w:p><w:r><w:t>Nomor : 13/PP.01.1-SD/5304/1/2025</w:t></w:r></w:p></w:body></w:document>""");
            Write(archive, "../../../../tmp/kputriage-pwned.txt", "pwned");
            Write(archive, "/etc/kputriage-pwned", "pwned");
        }

        return zip.ToArray();
    }

    private static byte[] Package(string document) => Package(stream => stream.Write(Encoding.UTF8.GetBytes(document)));

    private static byte[] Package(Action<Stream> writeDocument)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(archive, "[Content_Types].xml", ContentTypes);
            Write(archive, "_rels/.rels", Relationships);
            using var document = archive.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            writeDocument(document);
        }

        return zip.ToArray();
    }

    private static void Write(ZipArchive archive, string name, string content)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(content);
    }
}
