using System.Text;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Tests.Extraction;

public sealed class PlainTextExtractionTests
{
    private static async Task<ExtractionResult> ExtractAsync(byte[] bytes, TextExtractorOptions? options = null)
    {
        using var extractor = new TextExtractor(options ?? new TextExtractorOptions());
        return await extractor.ExtractAsync(new MemoryStream(bytes), DocumentKind.Text, CancellationToken.None);
    }

    [Fact]
    public async Task Should_decode_windows_1252_without_throwing_when_the_file_is_not_utf8()
    {
        // "Café Rapat – Perihal" in Windows-1252: é is 0xE9 and the en dash 0x96, both invalid UTF-8.
        byte[] bytes = [.. "Caf"u8, 0xE9, .. " Rapat "u8, 0x96, .. " Perihal"u8];

        var result = await ExtractAsync(bytes);

        Assert.Null(result.ManualTriageReason);
        Assert.Equal("text", result.Method);
        Assert.Equal("Café Rapat – Perihal", Assert.Single(result.Pages).Text);
    }

    [Fact]
    public async Task Should_drop_the_bom_and_normalise_crlf_when_the_file_comes_from_windows()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Nomor : 1/PP/2025\r\nHal : Undangan\rSelesai")];

        var page = Assert.Single((await ExtractAsync(bytes)).Pages);

        Assert.Equal("Nomor : 1/PP/2025\nHal : Undangan\nSelesai", page.Text);
    }

    [Fact]
    public async Task Should_split_pages_at_form_feeds_when_the_text_has_them()
    {
        var result = await ExtractAsync(Encoding.UTF8.GetBytes("halaman satu\r\n\fhalaman dua\n\fhalaman tiga\f"));

        Assert.Equal([1, 2, 3], result.Pages.Select(p => p.Number));
        Assert.Equal(["halaman satu\n", "halaman dua\n", "halaman tiga"], result.Pages.Select(p => p.Text));
    }

    [Fact]
    public async Task Should_read_only_the_allowed_pages_and_say_so_when_there_are_too_many()
    {
        var result = await ExtractAsync(Encoding.UTF8.GetBytes("satu\fdua\ftiga"), new TextExtractorOptions { MaxPages = 2 });

        Assert.Equal(2, result.Pages.Count);
        Assert.Equal("too many pages: 3 (only the first 2 were read)", result.ManualTriageReason);
    }

    [Fact]
    public async Task Should_refuse_to_read_when_the_file_is_over_the_size_limit()
    {
        var result = await ExtractAsync(new byte[2048], new TextExtractorOptions { MaxBytes = 1024 });

        Assert.StartsWith("document too large: ", result.ManualTriageReason, StringComparison.Ordinal);
        Assert.Empty(result.Pages);
    }

    [Fact]
    public async Task Should_say_empty_document_when_the_text_is_only_whitespace()
    {
        Assert.Equal(ExtractionReasons.EmptyDocument, (await ExtractAsync("  \r\n\f \n"u8.ToArray())).ManualTriageReason);
    }

    [Fact]
    public async Task Should_throw_only_cancellation_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        using var extractor = new TextExtractor();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => extractor.ExtractAsync(new MemoryStream("Hal : Undangan"u8.ToArray()), DocumentKind.Text, cancelled.Token));
    }
}
