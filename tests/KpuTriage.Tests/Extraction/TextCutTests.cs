using System.Text;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Tests.Extraction;

/// <summary>
/// How much text is kept (Extraction:MaxPageChars, MaxTextChars), for every reader, and that the
/// streamed plain-text reader reads what the whole-file reader did.
/// </summary>
public sealed class TextCutTests
{
    private static async Task<ExtractionResult> ExtractAsync(byte[] bytes, DocumentKind kind, TextExtractorOptions? options = null)
    {
        using var extractor = new TextExtractor(options ?? new TextExtractorOptions());
        return await extractor.ExtractAsync(new MemoryStream(bytes), kind, CancellationToken.None);
    }

    [Fact]
    public async Task Should_keep_the_start_of_the_page_and_say_so_when_a_text_page_is_over_max_page_chars()
    {
        var result = await ExtractAsync(Encoding.UTF8.GetBytes("Nomor : 1/PP/2025\n" + new string('x', 100)), DocumentKind.Text, new TextExtractorOptions { MaxPageChars = 20 });

        var page = Assert.Single(result.Pages);
        Assert.Equal("Nomor : 1/PP/2025\nxx", page.Text);
        Assert.True(page.Truncated);
        Assert.Null(result.ManualTriageReason);
        Assert.Equal("text cut: page 1 holds over 20 characters; only its first 20 are kept (Extraction:MaxPageChars)", result.Truncation);
    }

    [Fact]
    public async Task Should_keep_pages_until_the_document_is_spent_when_the_text_is_over_max_text_chars()
    {
        var result = await ExtractAsync(Encoding.UTF8.GetBytes("satu satu\fdua dua\ftiga tiga\fempat"), DocumentKind.Text, new TextExtractorOptions { MaxTextChars = 14 });

        Assert.Equal(["satu satu", "dua d"], result.Pages.Select(p => p.Text));
        Assert.Equal([false, true], result.Pages.Select(p => p.Truncated));
        Assert.Equal("text cut: the document holds over 14 characters; only its first 14 are kept, up to page 2 (Extraction:MaxTextChars)", result.Truncation);
    }

    [Fact]
    public async Task Should_say_nothing_was_cut_when_the_text_fits_exactly()
    {
        var result = await ExtractAsync(Encoding.UTF8.GetBytes("satu\fdua"), DocumentKind.Text, new TextExtractorOptions { MaxPageChars = 4, MaxTextChars = 7 });

        Assert.Equal(["satu", "dua"], result.Pages.Select(p => p.Text));
        Assert.Null(result.Truncation);
    }

    [Fact]
    public async Task Should_never_keep_half_a_surrogate_pair_when_the_cut_falls_inside_one()
    {
        var result = await ExtractAsync(Encoding.UTF8.GetBytes("abc😀def"), DocumentKind.Text, new TextExtractorOptions { MaxPageChars = 4 });

        Assert.Equal("abc", Assert.Single(result.Pages).Text);
    }

    [Fact]
    public async Task Should_read_as_windows_1252_when_the_first_byte_that_is_not_utf8_comes_after_the_first_buffer()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes(new string('a', 200_000)), .. "Caf"u8, 0xE9];

        var result = await ExtractAsync(bytes, DocumentKind.Text, new TextExtractorOptions { MaxPageChars = 300_000 });

        Assert.EndsWith("Café", Assert.Single(result.Pages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_make_one_line_break_when_a_crlf_is_split_between_two_buffers()
    {
        var text = new string('a', 64 * 1024 - 1) + "\r\nb\r";

        var page = Assert.Single((await ExtractAsync(Encoding.ASCII.GetBytes(text), DocumentKind.Text, new TextExtractorOptions { MaxPageChars = 100_000 })).Pages);

        Assert.Equal(new string('a', 64 * 1024 - 1) + "\nb\n", page.Text);
    }

    [Fact]
    public async Task Should_cut_a_word_document_at_max_text_chars_and_mark_the_page()
    {
        var docx = TestDocx.Build([TestDocx.Paragraph("Nomor : 3/PP/2025"), TestDocx.Paragraph(new string('y', 5_000)), TestDocx.PageBreak(), TestDocx.Paragraph("halaman dua")]);

        var result = await ExtractAsync(docx, DocumentKind.Docx, new TextExtractorOptions { MaxTextChars = 1_000 });

        var page = Assert.Single(result.Pages);
        Assert.StartsWith("Nomor : 3/PP/2025\nyyy", page.Text, StringComparison.Ordinal);
        Assert.Equal(1_000, page.Text.Length);
        Assert.True(page.Truncated);
        Assert.StartsWith("text cut: the document holds over 1000 characters; only its first 1000 are kept, up to page 1", result.Truncation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_stop_reading_pdf_pages_once_the_text_is_spent()
    {
        var pdf = TestPdfs.WithText(["Nomor : 4/PP/2025", "Hal : Undangan"], ["halaman dua"], ["halaman tiga"]);

        var result = await ExtractAsync(pdf, DocumentKind.Pdf, new TextExtractorOptions { MaxTextChars = 40 });

        Assert.Equal([1, 2], result.Pages.Select(p => p.Number));
        Assert.True(result.Pages[1].Truncated);
        Assert.StartsWith("text cut: the document holds over 40 characters; only its first 40 are kept, up to page 2", result.Truncation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(TextExtractorOptions.MaxPageChars))]
    [InlineData(nameof(TextExtractorOptions.MaxTextChars))]
    public void Should_refuse_the_setting_and_name_its_key_when_a_text_limit_is_zero(string property)
    {
        var options = new TextExtractorOptions();
        typeof(TextExtractorOptions).GetProperty(property)!.SetValue(options, 0);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TextExtractor(options));

        Assert.Equal($"Extraction:{property}", error.ParamName);
    }
}
