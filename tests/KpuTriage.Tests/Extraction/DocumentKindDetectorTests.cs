using System.Text;
using KpuTriage.Core.Documents;

namespace KpuTriage.Tests.Extraction;

public sealed class DocumentKindDetectorTests
{
    public static TheoryData<string, byte[], string, DocumentKind?> Cases => new()
    {
        { "pdf", [.. "%PDF-1.7\n%\u00e2\u00e3"u8], "surat.pdf", DocumentKind.Pdf },
        { "pdf after junk", [.. "\r\n\r\nX-Mailer junk\r\n%PDF-1.4\n"u8], "surat.bin", DocumentKind.Pdf },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "scan.png", DocumentKind.Image },
        { "jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8], "scan.jpg", DocumentKind.Image },
        { "tiff little-endian", [.. "II*\0"u8, 8, 0, 0, 0], "scan.tif", DocumentKind.Image },
        { "tiff big-endian", [.. "MM\0*"u8, 0, 0, 0, 8], "scan.tiff", DocumentKind.Image },
        { "gif", [.. "GIF89a"u8, 1, 0, 1, 0], "stempel.gif", DocumentKind.Image },
        { "bmp", [.. "BM"u8, 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0, 1, 0], "scan.bmp", DocumentKind.Image },
        { "webp", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], "foto.webp", DocumentKind.Image },
        { "png named jpg", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "scan.jpg", DocumentKind.Image },
        { "docx", [.. "PK\u0003\u0004"u8, 20, 0, 6, 0], "Surat.DOCX", DocumentKind.Docx },
        { "zip not docx", [.. "PK\u0003\u0004"u8, 20, 0, 6, 0], "arsip.zip", null },
        { "utf-8 text", Encoding.UTF8.GetBytes("Nomor : 1/PP.01.1-SD/5304/1/2025\n"), "surat.txt", DocumentKind.Text },
        { "windows-1252 text", [.. "Caf"u8, 0xE9], "catatan.TXT", DocumentKind.Text },
        { "markdown", "# Notula rapat\n"u8.ToArray(), "notula.md", DocumentKind.Text },
        { "utf-16 text with bom", [0xFF, 0xFE, (byte)'H', 0, (byte)'a', 0], "surat.txt", DocumentKind.Text },
        { "binary named txt", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0], "surat.txt", null },
        { "text without extension", "Nomor : 1/PP/2025"u8.ToArray(), "surat", null },
        { "executable", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0], "surat.exe", null },
        { "email", "From: a@b.c\r\nSubject: Surat\r\n"u8.ToArray(), "surat.eml", DocumentKind.Email },
        { "garbage named pdf", "<html>bukan pdf</html>"u8.ToArray(), "surat.pdf", DocumentKind.Pdf },
        { "garbage named docx", "bukan docx"u8.ToArray(), "surat.docx", DocumentKind.Docx },
        { "text starting BM", "BMKG melaporkan cuaca"u8.ToArray(), "cuaca.bin", null },
        { "pdf without a name that says so", [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0, 1], "scan-0001", DocumentKind.Pdf },
        { "pdf after junk named pdf", [.. "\r\nX-Mailer junk\r\n%PDF-1.4\n"u8], "surat.pdf", DocumentKind.Pdf },
        { "text quoting %PDF- in its first kilobyte", [.. "Catatan: berkas rusak dimulai dengan %PDF-1.4 lalu berhenti.\n"u8], "catatan.txt", DocumentKind.Text },
        { "mail quoting %PDF- in its headers", [.. "From: a@b.c\r\nSubject: %PDF-1.4 rusak\r\n\r\n"u8], "pesan.eml", DocumentKind.Email },
    };

    /// <summary>A name that says one type and content that is plainly another: no type wins, intake refuses it with the reason.</summary>
    public static TheoryData<string, byte[], string> Mismatches => new()
    {
        { "pdf named txt", [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, 0, 0], "surat.txt" },
        { "pdf header opening a text file", [.. "%PDF-1.4\nini bukan pdf\n"u8], "surat.txt" },
        { "png named txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "surat.txt" },
        { "png named pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "surat.pdf" },
        { "zip named pdf", [.. "PK\u0003\u0004"u8, 20, 0, 6, 0], "surat.pdf" },
        { "pdf named docx", [.. "%PDF-1.7\n"u8], "surat.docx" },
        { "jpeg named docx", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8], "surat.docx" },
        { "pdf named eml", [.. "%PDF-1.7\n"u8], "pesan.eml" },
        { "pdf named png", [.. "%PDF-1.7\n"u8], "scan.png" },
        { "mail named jpg", [.. "From: a@b.c\r\nSubject: Surat\r\n\r\n"u8], "foto.jpg" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_detect_the_kind_from_magic_bytes_and_name_when_a_file_arrives(string _, byte[] head, string fileName, DocumentKind? expected)
    {
        Assert.Equal(expected, DocumentKindDetector.Detect(head, fileName));
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Should_let_no_type_win_when_the_name_and_the_content_disagree(string _, byte[] head, string fileName)
    {
        Assert.Null(DocumentKindDetector.Detect(head, fileName));
    }

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void Should_name_both_types_when_the_name_and_the_content_disagree(string _, byte[] head, string fileName)
    {
        var detection = DocumentKindDetector.Examine(head, fileName);

        Assert.True(detection.Mismatch);
        Assert.StartsWith($"'{fileName}' is named as ", detection.Explain(fileName), StringComparison.Ordinal);
        Assert.Contains(" but its content is ", detection.Explain(fileName), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zip without a docx name", "arsip.zip")]
    [InlineData("executable", "setup.exe")]
    [InlineData("binary named txt", "surat.txt")]
    [InlineData("garbage named png", "scan.png")]
    public void Should_call_a_file_unsupported_not_mismatched_when_its_content_proves_no_other_type(string _, string fileName)
    {
        byte[] head = fileName.EndsWith(".zip", StringComparison.Ordinal) ? [.. "PK\u0003\u0004"u8, 20, 0] : [(byte)'M', (byte)'Z', 0x90, 0, 3, 0];

        var detection = DocumentKindDetector.Examine(head, fileName);

        Assert.Null(detection.Kind);
        Assert.False(detection.Mismatch);
    }

    [Fact]
    public void Should_explain_a_png_named_pdf_as_an_image()
    {
        var detection = DocumentKindDetector.Examine([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "surat.pdf");

        Assert.Equal("'surat.pdf' is named as a PDF but its content is an image", detection.Explain("surat.pdf"));
    }

    [Fact]
    public void Should_refuse_an_empty_file_when_its_name_says_pdf()
    {
        Assert.Null(DocumentKindDetector.Detect([], "surat.pdf"));
    }
}
