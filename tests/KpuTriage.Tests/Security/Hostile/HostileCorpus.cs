using System.Text;
using KpuTriage.Core.Email;
using KpuTriage.Core.Extraction;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Security.Hostile;

/// <summary>
/// Files an outsider sends to hurt the desk, each with what the desk must answer: a refusal
/// with its code, or the letter kept and shown to a clerk, with the reason when a human is
/// needed. Made in the test (no binary blobs in the repository); sized by <see cref="HostileLimits"/>.
/// </summary>
internal static class HostileCorpus
{
    private static readonly Proposed Kept = new();

    public static IReadOnlyList<HostileFile> Files(HostileLimits limits) =>
    [
        // Refused at the door: nothing is kept.
        new("empty file", "kosong.txt", () => [], new Refused(400, "empty_file")),
        new("one byte over Intake:MaxBytes", "besar.txt", () => HostileTexts.OneLine((int)limits.MaxBytes + 1), new Refused(413, "file_too_large")),
        new("Windows program", "setup.exe", () => [.. "MZ\u0090\0\u0003\0\0\0"u8, .. new byte[4096]], new Refused(415, "unsupported_type")),
        new("zip archive", "arsip.zip", () => HostileDocx.WithoutDocument(), new Refused(415, "unsupported_type")),
        new("binary named .txt", "biner.txt", () => [0x00, 0x01, 0x02, 0xFF, 0x00, .. "Nomor"u8], new Refused(415, "unsupported_type")),
        new("HTML page", "halaman.html", () => "<html><script>alert(1)</script></html>"u8.ToArray(), new Refused(415, "unsupported_type")),
        new("SVG with script", "gambar.svg", () => "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray(), new Refused(415, "unsupported_type")),
        new("externalId of 201 characters", "surat.txt", () => Letters.UndanganBytes(22), new Refused(400, "invalid_request"), ExternalId: new string('x', 201)),

        // Plain text.
        new("one line of many megabytes", "satu-baris.txt", () => HostileTexts.OneLine(limits.OneLineBytes), new Proposed(TextWithin(limits))),
        new("two million short lines", "banyak-baris.txt", () => HostileTexts.ManyLines(2_000_000), new Proposed(TextWithin(limits))),
        new("only whitespace", "spasi.txt", HostileTexts.Whitespace, new ToClerk(ExtractionReasons.EmptyDocument)),
        new("Windows-1252 text", "cp1252.txt", HostileTexts.Windows1252, new Proposed(d => d.Text.Contains('\u00E9', StringComparison.Ordinal) ? null : "é was not decoded")),
        new("UTF-16 text with BOM", "utf16.txt", HostileTexts.Utf16, new Proposed(d => d.Text.Contains("18/PL.02.1-Und/32/2025", StringComparison.Ordinal) ? null : "not decoded as UTF-16")),
        new("terminal escapes and bidi controls", "kendali.txt", HostileTexts.ControlCharacters, Kept),
        new("text mentioning a PDF header", "catatan.txt", HostileTexts.MentionsPdfHeader, new Proposed(d => d.Json.GetProperty("kind").GetString() == "text" ? null : "not read as text")),
        new("instructions to the machine", "perintah.txt", HostileTexts.PromptInjection, Kept),
        new("markup and script", "markup.txt", HostileTexts.Markup, Kept),

        // PDF.
        new("PDF header and nothing else", "kepala.pdf", HostilePdfs.HeaderOnly, new ToClerk(ExtractionReasons.CorruptPdfPrefix)),
        new("PDF cut in half", "terpotong.pdf", HostilePdfs.Truncated, new ToClerk(ExtractionReasons.CorruptPdfPrefix)),
        new("PDF whose page tree is its own kid", "lingkar.pdf", HostilePdfs.CircularPageTree, new ToClerk(ExtractionReasons.NoTextLayer)),
        new("PDF without pages", "tanpa-halaman.pdf", HostilePdfs.NoPages, new ToClerk(ExtractionReasons.CorruptPdfPrefix)),
        new("PDF with JavaScript and a launch action", "aktif.pdf", HostilePdfs.WithJavaScript, Kept),
        new("PDF page 200 inches square", "raksasa.pdf", HostilePdfs.HugePage, new ToClerk(ExtractionReasons.ImageTooLargePrefix)),
        new("typed page then a 200-inch page", "peta.pdf", HostilePdfs.TextThenHugePage, Kept),
        new("PDF xref past the end", "xref.pdf", HostilePdfs.XrefOutOfBounds, Kept),
        new("text named .pdf", "bukan.pdf", HostilePdfs.TextNamedPdf, new ToClerk(ExtractionReasons.CorruptPdfPrefix)),
        new("PDF with an unknown password", "sandi.pdf", TestPdfs.PasswordProtected, new ToClerk(ExtractionReasons.EncryptedPdfPrefix)),
        new("PDF deflate bomb", "bom.pdf", () => TestPdfs.DeflateBombOnPage2(1L << 30), new ToClerk(ExtractionReasons.DecompressionBombPrefix)),
        new("encrypted PDF deflate bomb", "bom-sandi.pdf", () => TestPdfs.DeflateBombOnPage2(1L << 30, emptyPassword: true), new ToClerk(ExtractionReasons.DecompressionBombPrefix)),
        new("more pages than Extraction:MaxPages", "tebal.pdf", () => TestPdfs.ManyTextPages(limits.MaxPages + 1), new ToClerk(ExtractionReasons.TooManyPagesPrefix)),
        new("more scans than Extraction:OcrMaxPages", "pindaian.pdf", () => HostilePdfs.ScannedPages(limits.OcrMaxPages + 1), new ToClerk(ExtractionReasons.TooManyScannedPagesPrefix)),
        new("scanned page whose JPEG claims 65535 × 65535", "klaim-pindaian.pdf",
            () => TestPdfs.Scanned(TestImages.JpegClaiming(ScanImages.Convert(ScanImages.Blank(16, 16), "jpg"), 65535, 65535)), new ToClerk(ExtractionReasons.NoTextLayer)),
        new("PDF of a drawn frame and no text", "bingkai.pdf", TestPdfs.RectangleOnly, new ToClerk(ExtractionReasons.NoTextLayer)),

        // DOCX.
        new("DOCX with an external entity", "xxe.docx", HostileDocx.ExternalEntity, new ToClerk(ExtractionReasons.CorruptDocxPrefix)),
        new("DOCX billion laughs", "tawa.docx", HostileDocx.BillionLaughs, new ToClerk(ExtractionReasons.CorruptDocxPrefix)),
        new("DOCX of 60 million characters", "panjang.docx", () => HostileDocx.ManyCharacters(60_000_000), new Proposed(TextWithin(limits))),
        new("DOCX of a gigabyte of blanks", "bom.docx", () => TestDocx.WithWhitespace(1L << 30), new ToClerk(ExtractionReasons.DecompressionBombPrefix)),
        new("DOCX that is no zip", "rusak.docx", () => Encoding.UTF8.GetBytes("ini bukan berkas Word"), new ToClerk(ExtractionReasons.CorruptDocxPrefix)),
        new("zip without word/document.xml", "kosong.docx", HostileDocx.WithoutDocument, new ToClerk(ExtractionReasons.CorruptDocxPrefix)),
        new("DOCX with entries climbing out of the folder", "naik.docx", HostileDocx.PathTraversal, Kept),
        new("DOCX whose entry lies about its size", "bohong.docx", () => TestDocx.WithClaimedSize(TestDocx.Build([TestDocx.Paragraph("Nomor : 23/PP.01.1-SD/5304/1/2025")]), "word/document.xml", 10), new ToClerk(ExtractionReasons.CorruptDocxPrefix)),
        new("DOCX with fifty thousand entries", "entri.docx", () => TestDocx.WithEmptyEntries(TestDocx.Build([TestDocx.Paragraph("Nomor : 24/PP.01.1-SD/5304/1/2025")]), 50_000), new ToClerk(ExtractionReasons.TooLargePrefix)),

        // Images.
        new("PNG claiming 100000 × 100000", "klaim.png", () => TestImages.PngClaiming(100_000, 100_000), new ToClerk(ExtractionReasons.ImageTooLargePrefix)),
        new("JPEG claiming 65535 × 65535", "klaim.jpg", () => TestImages.JpegClaiming(ScanImages.Convert(ScanImages.Blank(16, 16), "jpg"), 65535, 65535), new ToClerk(ExtractionReasons.ImageTooLargePrefix)),
        new("TIFF claiming 100000 × 100000", "klaim.tif", () => TestImages.Tiff(1, 100_000, 100_000), new ToClerk(ExtractionReasons.ImageTooLargePrefix)),
        new("TIFF of a thousand frames", "faks.tif", () => TestImages.Tiff(1000, 16, 16), new ToClerk(ExtractionReasons.TooManyScannedPagesPrefix)),
        new("GIF whose frame claims 65535 × 65535", "klaim.gif", () => TestImages.GifWithFrame(65535, 65535), new ToClerk(ExtractionReasons.ImageTooLargePrefix)),
        new("PNG cut short", "terpotong.png", () => ScanImages.Letter100Png[..(ScanImages.Letter100Png.Length / 3)], new ToClerk(ExtractionReasons.UnreadableImagePrefix)),
        new("one white pixel", "titik.png", () => ScanImages.Blank(1, 1), new ToClerk(ExtractionReasons.NoTextLayer)),
        new("PNG whose data inflates to a gigabyte", "bom.png", () => TestImages.PngWithExcessData(1L << 30), new ToClerk(ExtractionReasons.UnreadableImagePrefix)),

        // E-mail.
        new("mail with more attachments than allowed", "massal.eml", () => HostileMails.ManyAttachments(limits.MaxAttachmentsPerMail + 3),
            new Proposed(d => d.Attachments == limits.MaxAttachmentsPerMail && d.Skipped == 3 ? null : $"{d.Attachments} taken, {d.Skipped} listed as skipped")),
        new("mail nested deeper than allowed", "bersarang.eml", () => HostileMails.Nested(limits.MaxMailNesting + 2), Kept),
        new("mail with an archive, a program and a disguised name", "samaran.eml", HostileMails.DisguisedAttachments,
            new Proposed(d => d.Skipped == 3 ? null : $"{d.Skipped} attachments listed as skipped, expected the zip, the exe and the letter disguised as an exe")),
        new("HTML mail with script", "skrip.eml", HostileMails.ScriptedHtml, Kept),
        new("garbage named .eml", "sampah.eml", () => [0x00, 0xFF, 0x13, .. "bukan surel"u8], new ToClerk(MailReasons.CorruptEmailPrefix)),

        // File names.
        new("right-to-left override in the name", "surat\u202Etxt.exe.txt", () => Letters.UndanganBytes(25),
            new Proposed(d => d.FileName.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) ? $"name kept {Escaped(d.FileName)}" : null)),
        new("a name of 5000 characters", new string('n', 4996) + ".txt", () => Letters.UndanganBytes(26),
            new Proposed(d => d.FileName.Length <= 255 ? null : $"name kept at {d.FileName.Length} characters")),
        new("a name climbing folders", "../../../etc/passwd.txt", () => Letters.UndanganBytes(27),
            new Proposed(d => d.FileName == "passwd.txt" ? null : $"name kept as {d.FileName}")),
        new("control characters in the name", "surat\u0007\u001b[31m.txt", () => Letters.UndanganBytes(28),
            new Proposed(d => d.FileName.Any(char.IsControl) ? $"name kept {Escaped(d.FileName)}" : null)),
    ];

    /// <summary>The text kept for a letter no longer than the cap the product keeps per document.</summary>
    private static Func<KeptDocument, string?> TextWithin(HostileLimits limits) =>
        d => d.Text.Length <= limits.MaxTextCharacters ? null : $"{d.Text.Length} characters of text kept";

    private static string Escaped(string name) => string.Concat(name.Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
