using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Extraction;

public sealed class PdfExtractionTests
{
    private static async Task<ExtractionResult> ExtractAsync(byte[] pdf, TextExtractorOptions? options = null)
    {
        using var extractor = new TextExtractor(options ?? new TextExtractorOptions());
        // Far above what any of these takes; only stops a run that has lost its way.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await extractor.ExtractAsync(new MemoryStream(pdf), DocumentKind.Pdf, guard.Token);
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

    [Fact]
    public async Task Should_read_the_first_500_pages_and_say_so_when_a_pdf_has_5000()
    {
        var result = await ExtractAsync(TestPdfs.ManyTextPages(5000));

        Assert.Equal("too many pages: 5000 (only the first 500 were read)", result.ManualTriageReason);
        Assert.Equal(500, result.Pages.Count);
        Assert.All(result.Pages, p => Assert.Equal("Halaman", p.Text));
    }

    [Fact]
    public async Task Should_stop_at_the_page_and_keep_the_pages_before_when_a_content_stream_inflates_past_the_limit()
    {
        var pdf = TestPdfs.DeflateBombOnPage2(64L << 20);

        var result = await ExtractAsync(pdf, new TextExtractorOptions { MaxUncompressedBytes = 8L << 20 });

        Assert.Equal(
            "decompression bomb: the streams read by page 2 inflate to over 8388608 bytes (Extraction:MaxUncompressedBytes)",
            result.ManualTriageReason);
        // Page 2 stays as a blank page, as a broken page does, so page numbers still match the file.
        Assert.Equal(["Nomor : 1/PP.01.1-SD/5304/1/2025", string.Empty], result.Pages.Select(p => p.Text));
    }

    [Fact]
    public async Task Should_refuse_a_gigabyte_content_stream_at_the_default_limit_when_the_file_is_a_megabyte()
    {
        var pdf = TestPdfs.DeflateBombOnPage2(1L << 30);

        var result = await ExtractAsync(pdf);

        Assert.InRange(pdf.Length, 1, 2 << 20);
        Assert.StartsWith(ExtractionReasons.DecompressionBombPrefix + "the streams read by page 2", result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_decompression_bomb_not_encrypted_when_the_bomb_is_in_a_pdf_secured_with_an_empty_password()
    {
        var pdf = TestPdfs.DeflateBombOnPage2(64L << 20, emptyPassword: true);

        var result = await ExtractAsync(pdf, new TextExtractorOptions { MaxUncompressedBytes = 8L << 20 });

        Assert.Equal(
            "decompression bomb: the streams read by page 2 inflate to over 8388608 bytes (Extraction:MaxUncompressedBytes)",
            result.ManualTriageReason);
        Assert.Equal("Nomor : 1/PP.01.1-SD/5304/1/2025", result.Pages[0].Text);
    }

    [Fact]
    public async Task Should_read_the_pdf_when_its_streams_fit_the_limit()
    {
        var result = await ExtractAsync(TestPdfs.DeflateBombOnPage2(1L << 20), new TextExtractorOptions { MaxUncompressedBytes = 8L << 20 });

        Assert.Null(result.ManualTriageReason);
        Assert.Equal("Nomor : 1/PP.01.1-SD/5304/1/2025", result.Pages[0].Text);
    }
}
