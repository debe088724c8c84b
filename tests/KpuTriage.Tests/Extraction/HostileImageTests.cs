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
}
