using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Extraction;

public sealed class PdfExtractionTests
{
    private static async Task<ExtractionResult> ExtractAsync(byte[] pdf, TextExtractorOptions? options = null)
    {
        using var extractor = new TextExtractor(options ?? new TextExtractorOptions());
        return await extractor.ExtractAsync(new MemoryStream(pdf), DocumentKind.Pdf, CancellationToken.None);
    }

    [Fact]
    public async Task Should_keep_words_apart_and_lines_in_order_when_words_are_drawn_without_space_glyphs()
    {
        var result = await ExtractAsync(TestPdfs.WithText(
            ["KOMISI PEMILIHAN UMUM", "KABUPATEN PURWAKARTA", "Nomor : 1/PP.01.1-SD/5304/1/2025"],
            ["Tembusan kepada Ketua KPU RI"]));

        Assert.Null(result.ManualTriageReason);
        Assert.Equal("pdf-text", result.Method);
        Assert.Equal([1, 2], result.Pages.Select(p => p.Number));
        Assert.Equal("KOMISI PEMILIHAN UMUM\nKABUPATEN PURWAKARTA\nNomor : 1/PP.01.1-SD/5304/1/2025", result.Pages[0].Text);
        Assert.Equal("Tembusan kepada Ketua KPU RI", result.Pages[1].Text);
    }

    [Fact]
    public async Task Should_say_no_text_layer_when_the_pdf_has_only_drawings()
    {
        var result = await ExtractAsync(TestPdfs.RectangleOnly());

        Assert.Equal("no text layer", result.ManualTriageReason);
        Assert.Equal(ExtractionReasons.NoTextLayer, result.ManualTriageReason);
        Assert.Empty(result.Pages);
    }

    [Fact]
    public async Task Should_say_corrupt_pdf_when_a_file_named_pdf_holds_garbage()
    {
        var garbage = "<html><body>Surat terlampir</body></html>"u8.ToArray();
        var kind = DocumentKindDetector.Detect(garbage, "surat.pdf");

        using var extractor = new TextExtractor();
        var result = await extractor.ExtractAsync(new MemoryStream(garbage), kind!.Value, CancellationToken.None);

        Assert.Equal(DocumentKind.Pdf, kind);
        Assert.StartsWith("corrupt PDF: ", result.ManualTriageReason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.ManualTriageReason!);
    }

    [Fact]
    public async Task Should_say_corrupt_pdf_when_the_file_is_cut_off_after_its_header()
    {
        var truncated = TestPdfs.WithText(["KOMISI PEMILIHAN UMUM"])[..20];

        Assert.StartsWith("corrupt PDF: ", (await ExtractAsync(truncated)).ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_encrypted_pdf_when_a_password_is_needed()
    {
        var result = await ExtractAsync(TestPdfs.PasswordProtected());

        Assert.StartsWith("encrypted PDF: ", result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_read_only_the_allowed_pages_and_say_so_when_the_pdf_is_too_long()
    {
        var result = await ExtractAsync(
            TestPdfs.WithText(["Halaman satu"], ["Halaman dua"], ["Halaman tiga"]),
            new TextExtractorOptions { MaxPages = 2 });

        Assert.Equal(["Halaman satu", "Halaman dua"], result.Pages.Select(p => p.Text));
        Assert.Equal("too many pages: 3 (only the first 2 were read)", result.ManualTriageReason);
    }

    [Fact]
    public async Task Should_give_the_parser_a_readable_header_when_a_letter_pdf_is_extracted()
    {
        var result = await ExtractAsync(TestPdfs.WithText(
        [
            "KOMISI PEMILIHAN UMUM",
            "KABUPATEN PURWAKARTA",
            "Jl. Ibrahim Singadilaga No. 68 Purwakarta",
            "Nomor : 5/PL.02.1-Und/3214/2025 Purwakarta, 10 Januari 2025",
            "Sifat : Segera",
            "Hal : Undangan Rapat Pleno",
        ]));

        var fields = ShippedTaxonomy.Parser.Parse(result.Pages);

        Assert.Equal("5/PL.02.1-Und/3214/2025", fields.LetterNumber.Value);
        Assert.Equal("2025-01-10", fields.LetterDate.Value);
        Assert.Equal("KOMISI PEMILIHAN UMUM KABUPATEN PURWAKARTA", fields.Sender.Value);
        Assert.Equal("Undangan Rapat Pleno", fields.Perihal.Value);
        Assert.Equal("segera", fields.Urgency.Value);
        Assert.Equal("undangan", fields.LetterType.Value);
    }
}
