using System.Diagnostics;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Tests.Extraction;

/// <summary>Images and scanned PDFs read by the real tesseract and pdftoppm (test.sh installs them).</summary>
public sealed class OcrExtractionTests
{
    private static async Task<ExtractionResult> ExtractAsync(byte[] bytes, DocumentKind kind, TextExtractorOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var extractor = new TextExtractor(options ?? new TextExtractorOptions());
        return await extractor.ExtractAsync(new MemoryStream(bytes), kind, cancellationToken);
    }

    [Fact]
    public async Task Should_read_nomor_and_perihal_exactly_when_the_image_is_a_300_dpi_scan()
    {
        var result = await ExtractAsync(ScanImages.Letter300Png, DocumentKind.Image);

        Assert.Null(result.ManualTriageReason);
        Assert.Equal(ExtractionMethods.Ocr, result.Method);
        var page = Assert.Single(result.Pages);
        var lines = page.Text.Split('\n');
        Assert.Contains(ScanImages.NomorLine, lines);
        Assert.Contains(ScanImages.HalLine, lines);
        Assert.Contains(ScanImages.Letterhead, lines);
        Assert.InRange(page.OcrConfidence!.Value, 85, 100);
    }

    [Fact]
    public async Task Should_still_read_the_letter_number_when_the_scan_is_150_dpi_askew_and_noisy()
    {
        var result = await ExtractAsync(ScanImages.Letter150NoisyRotatedJpeg, DocumentKind.Image);

        Assert.Null(result.ManualTriageReason);
        var page = Assert.Single(result.Pages);
        Assert.Contains(ScanImages.LetterNumber, page.Text, StringComparison.Ordinal);
        Assert.Contains(ScanImages.Perihal, page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.OcrConfidence);
    }

    [Fact]
    public async Task Should_read_every_page_by_ocr_when_the_pdf_holds_only_scans()
    {
        var pdf = TestPdfs.Scanned(ScanImages.Letter300Jpeg(270), ScanImages.Letter300Jpeg(271));

        var result = await ExtractAsync(pdf, DocumentKind.Pdf);

        Assert.Null(result.ManualTriageReason);
        Assert.Equal(ExtractionMethods.Ocr, result.Method);
        Assert.Equal([1, 2], result.Pages.Select(p => p.Number));
        Assert.Contains("Nomor : 270/PL.02.1-Und/32/2025", result.Pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Nomor : 271/PL.02.1-Und/32/2025", result.Pages[1].Text, StringComparison.Ordinal);
        Assert.All(result.Pages, p => Assert.InRange(p.OcrConfidence!.Value, 80, 100));
    }

    [Fact]
    public async Task Should_keep_the_text_layer_and_ocr_only_the_scanned_page_when_a_pdf_mixes_both()
    {
        var pdf = TestPdfs.TextThenScan(["Nota Dinas", "Bersama ini kami teruskan surat terlampir."], ScanImages.Letter300Jpeg());

        var result = await ExtractAsync(pdf, DocumentKind.Pdf);

        Assert.Null(result.ManualTriageReason);
        Assert.Equal(ExtractionMethods.PdfTextAndOcr, result.Method);
        Assert.Equal(new ExtractedPage(1, "Nota Dinas\nBersama ini kami teruskan surat terlampir."), result.Pages[0]);
        Assert.Contains(ScanImages.NomorLine, result.Pages[1].Text.Split('\n'));
        Assert.NotNull(result.Pages[1].OcrConfidence);
    }

    [Fact]
    public async Task Should_refuse_at_once_without_decoding_when_a_png_header_claims_100000_by_100000_pixels()
    {
        var clock = Stopwatch.StartNew();

        var result = await ExtractAsync(TestImages.PngClaiming(100_000, 100_000), DocumentKind.Image);

        Assert.Equal("image too large: 100000 × 100000 pixels (limit 100000000, Extraction:OcrMaxPixels)", result.ManualTriageReason);
        Assert.Empty(result.Pages);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("tif")]
    [InlineData("gif")]
    [InlineData("bmp")]
    [InlineData("webp")]
    public void Should_read_the_size_from_the_header_when_imagemagick_wrote_the_file(string format)
    {
        var image = ScanImages.Convert(ScanImages.Blank(1234, 567), format);

        var header = ImageHeader.Read(image, maxFrames: 10);

        Assert.Equal(new ImageHeader(1234, 567, 1), header);
    }

    [Fact]
    public async Task Should_refuse_by_the_pixel_limit_when_the_image_is_over_it()
    {
        var options = new TextExtractorOptions { OcrMaxPixels = 1_000_000 };

        var result = await ExtractAsync(ScanImages.Letter300Png, DocumentKind.Image, options);

        Assert.StartsWith("image too large: 2480 × 3508 pixels", result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_pdf_page_that_would_render_above_the_pixel_limit()
    {
        var pdf = TestPdfs.Scanned(ScanImages.Letter300Jpeg());

        var result = await ExtractAsync(pdf, DocumentKind.Pdf, new TextExtractorOptions { OcrMaxPixels = 1_000_000 });

        Assert.StartsWith("image too large: page 1 would be 2480 × 3509 pixels at 300 dpi", result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_give_unreadable_image_when_the_png_data_is_corrupt()
    {
        var png = (byte[])ScanImages.Letter300Png.Clone();
        for (var i = 200; i < 400; i++)
        {
            png[i] ^= 0x5A;
        }

        var result = await ExtractAsync(png, DocumentKind.Image);

        Assert.StartsWith(ExtractionReasons.UnreadableImagePrefix, result.ManualTriageReason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.ManualTriageReason!);
    }

    [Fact]
    public async Task Should_give_unreadable_image_when_a_jpeg_is_cut_off_after_its_signature()
    {
        var result = await ExtractAsync([0xFF, 0xD8, 0xFF, 0xE0], DocumentKind.Image);

        Assert.StartsWith(ExtractionReasons.UnreadableImagePrefix, result.ManualTriageReason, StringComparison.Ordinal);
        Assert.Equal(ExtractionMethods.Ocr, result.Method);
    }

    [Fact]
    public async Task Should_say_no_text_layer_when_ocr_finds_nothing_on_a_blank_page()
    {
        var result = await ExtractAsync(ScanImages.Blank(1240, 1754), DocumentKind.Image);

        Assert.Equal(ExtractionReasons.NoTextLayer, result.ManualTriageReason);
        Assert.Empty(result.Pages);
    }

    [Fact]
    public async Task Should_say_what_to_install_when_tesseract_is_missing()
    {
        var options = new TextExtractorOptions { TesseractPath = "/nonexistent/bin/tesseract" };

        var result = await ExtractAsync(ScanImages.Letter300Png, DocumentKind.Image, options);

        Assert.Equal("OCR is not installed: install tesseract-ocr and tesseract-ocr-ind", result.ManualTriageReason);
        Assert.StartsWith(ExtractionReasons.OcrNotInstalledPrefix, result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_missing_language_pack_when_tesseract_lacks_a_language()
    {
        var options = new TextExtractorOptions { OcrLanguages = "ind+jav" };

        var result = await ExtractAsync(ScanImages.Letter300Png, DocumentKind.Image, options);

        Assert.StartsWith("OCR is not installed: install tesseract-ocr-jav", result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_to_install_poppler_when_pdftoppm_is_missing_for_a_scanned_pdf()
    {
        var options = new TextExtractorOptions { PdftoppmPath = "/nonexistent/bin/pdftoppm" };

        var result = await ExtractAsync(TestPdfs.Scanned(ScanImages.Letter300Jpeg()), DocumentKind.Pdf, options);

        Assert.StartsWith("OCR is not installed: install poppler-utils", result.ManualTriageReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_ocr_timed_out_when_a_page_takes_longer_than_the_page_timeout()
    {
        var options = new TextExtractorOptions { OcrPageTimeout = TimeSpan.FromMilliseconds(100) };
        var clock = Stopwatch.StartNew();

        var result = await ExtractAsync(ScanImages.Letter300Png, DocumentKind.Image, options);

        Assert.StartsWith(ExtractionReasons.OcrTimedOutPrefix, result.ManualTriageReason, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Should_throw_only_cancellation_when_cancelled_during_ocr()
    {
        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ExtractAsync(ScanImages.Letter300Png, DocumentKind.Image, cancellationToken: cancelled.Token));
    }
}
