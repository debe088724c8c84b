using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Tests.Extraction;

/// <summary>
/// Images built to exhaust a decoder: sizes no scanner makes, frames past any limit, data
/// that inflates for nothing. Each is refused from its header, or read only as far as the
/// limits allow, with one line for the clerk; the cancellation guards are far above the
/// milliseconds a refusal takes and only stop a run that has lost its way.
/// </summary>
public sealed class HostileImageTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static async Task<ExtractionResult> ExtractAsync(byte[] image, TextExtractorOptions? options = null)
    {
        using var extractor = new TextExtractor(options ?? new TextExtractorOptions());
        using var guard = new CancellationTokenSource(Guard);
        return await extractor.ExtractAsync(new MemoryStream(image), DocumentKind.Image, guard.Token);
    }

    [Fact]
    public async Task Should_refuse_from_the_header_when_a_jpeg_claims_65535_by_65535_pixels()
    {
        var jpeg = TestImages.JpegClaiming(ScanImages.Convert(ScanImages.Blank(16, 16), "jpg"), 65535, 65535);

        var result = await ExtractAsync(jpeg);

        Assert.Equal("image too large: 65535 × 65535 pixels (limit 100000000, Extraction:OcrMaxPixels)", result.ManualTriageReason);
        Assert.Empty(result.Pages);
    }

    [Fact]
    public async Task Should_refuse_from_the_header_when_a_tiff_claims_100000_by_100000_pixels()
    {
        var result = await ExtractAsync(TestImages.Tiff(frames: 1, 100_000, 100_000));

        Assert.Equal("image too large: 100000 × 100000 pixels (limit 100000000, Extraction:OcrMaxPixels)", result.ManualTriageReason);
    }

    [Fact]
    public async Task Should_refuse_by_the_frame_size_when_a_gif_frame_is_larger_than_its_screen()
    {
        var result = await ExtractAsync(TestImages.GifWithFrame(12_000, 12_000));

        Assert.Equal("image too large: 12000 × 12000 pixels (limit 100000000, Extraction:OcrMaxPixels)", result.ManualTriageReason);
    }

    [Fact]
    public async Task Should_count_every_frame_of_a_gif_when_giflib_would_decode_them_all()
    {
        var gif = ScanImages.BlankFramesGif(frames: 10, 100, 100);

        var result = await ExtractAsync(gif, new TextExtractorOptions { OcrMaxPixels = 50_000 });

        Assert.Equal(new ImageHeader(100, 100, 1) { Pixels = 100_000 }, ImageHeader.Read(gif, maxFrames: 10));
        Assert.Equal("image too large: 100 × 100 pixels, 100000 in all its frames together (limit 50000, Extraction:OcrMaxPixels)", result.ManualTriageReason);
    }

    [Fact]
    public async Task Should_refuse_without_decoding_when_a_small_png_holds_image_data_that_inflates_to_256_mb()
    {
        var png = TestImages.PngWithExcessData(256L << 20);

        var result = await ExtractAsync(png);

        Assert.StartsWith("unreadable image: the PNG holds ", result.ManualTriageReason, StringComparison.Ordinal);
        Assert.EndsWith("more than 200 × 200 pixels can use", result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1u, 1u)]
    [InlineData(200u, 200u)]
    [InlineData(3000u, 4000u)]
    public void Should_find_no_defect_when_a_png_stores_its_rows_uncompressed(uint width, uint height)
    {
        var header = ImageHeader.Read(TestImages.PngStored(width, height), maxFrames: 1);

        Assert.Equal(new ImageHeader(width, height, 1), header);
    }

    [Fact]
    public async Task Should_read_only_the_first_ocr_pages_and_say_over_the_page_limit_when_a_tiff_has_5000_frames()
    {
        var tiff = TestImages.Tiff(frames: 5000, 8, 8);

        var result = await ExtractAsync(tiff, new TextExtractorOptions { OcrMaxPages = 2 });

        Assert.Equal("too many scanned pages: over 500 (only the first 2 were read by OCR)", result.ManualTriageReason);
    }

    [Fact]
    public async Task Should_keep_the_frames_read_and_name_the_rest_when_a_tiff_has_more_pages_than_ocr_reads()
    {
        var tiff = ScanImages.TextTiff("Halaman satu: Nomor 270/PL.02.1-Und/32/2025", "Halaman dua: Undangan Rapat", "Halaman tiga: Lampiran");

        var result = await ExtractAsync(tiff, new TextExtractorOptions { OcrMaxPages = 2 });

        Assert.Equal("too many scanned pages: 3 (only the first 2 were read by OCR)", result.ManualTriageReason);
        Assert.Equal([1, 2], result.Pages.Select(p => p.Number));
        Assert.Contains("270/PL.02.1-Und/32/2025", result.Pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Undangan Rapat", result.Pages[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_read_every_frame_with_no_reason_when_a_tiff_is_within_the_ocr_page_limit()
    {
        var tiff = ScanImages.TextTiff("Halaman satu: Nomor 270/PL.02.1-Und/32/2025", "Halaman dua: Undangan Rapat");

        var result = await ExtractAsync(tiff);

        Assert.Null(result.ManualTriageReason);
        Assert.Contains("Undangan Rapat", result.Pages[1].Text, StringComparison.Ordinal);
    }
}
