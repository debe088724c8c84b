using System.ComponentModel.DataAnnotations;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Tests.Extraction;

/// <summary>
/// How far OCR reads (Extraction:OcrMaxPages, OcrMaxPixels), what it keeps when a page fails,
/// and when its text is too doubtful to trust (Extraction:OcrMinConfidence). The real
/// tesseract and pdftoppm, as in <see cref="OcrExtractionTests"/>.
/// </summary>
public sealed class OcrLimitTests
{
    private static async Task<ExtractionResult> ExtractAsync(byte[] bytes, DocumentKind kind, TextExtractorOptions? options = null)
    {
        using var extractor = new TextExtractor(options ?? new TextExtractorOptions());
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await extractor.ExtractAsync(new MemoryStream(bytes), kind, guard.Token);
    }

    [Fact]
    public async Task Should_ocr_only_the_first_scanned_pages_and_keep_them_when_a_pdf_has_more_than_ocr_max_pages()
    {
        var pdf = TestPdfs.TextThenScan(
            ["Nota Dinas", "Bersama ini kami teruskan surat terlampir."],
            ScanImages.Letter300Jpeg(270), ScanImages.Letter300Jpeg(271), ScanImages.Letter300Jpeg(272));

        var result = await ExtractAsync(pdf, DocumentKind.Pdf, new TextExtractorOptions { OcrMaxPages = 2 });

        // Three scanned pages, not four: the typed cover page is no OCR work.
        Assert.Equal("too many scanned pages: 3 (only the first 2 were read by OCR)", result.ManualTriageReason);
        Assert.Equal(ExtractionMethods.PdfTextAndOcr, result.Method);
        Assert.Equal([1, 2, 3, 4], result.Pages.Select(p => p.Number));
        Assert.StartsWith("Nota Dinas", result.Pages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Nomor : 270/PL.02.1-Und/32/2025", result.Pages[1].Text, StringComparison.Ordinal);
        Assert.Contains("Nomor : 271/PL.02.1-Und/32/2025", result.Pages[2].Text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Pages[3].Text);
        Assert.Null(result.Pages[3].OcrConfidence);
    }

    [Fact]
    public async Task Should_keep_the_pages_read_when_ocr_refuses_one_page_of_a_pdf()
    {
        var pdf = TestPdfs.ScanThenBlankPage(ScanImages.Letter300Jpeg(), 20_000, 20_000);

        var result = await ExtractAsync(pdf, DocumentKind.Pdf);

        Assert.StartsWith("image too large: page 2 would be 83334 × 83334 pixels", result.ManualTriageReason, StringComparison.Ordinal);
        Assert.Contains(ScanImages.NomorLine, result.Pages[0].Text.Split('\n'));
        Assert.Equal([1, 2], result.Pages.Select(p => p.Number));
    }

    [Fact]
    public async Task Should_refuse_before_rendering_when_a_pdf_page_is_20000_points_square()
    {
        var result = await ExtractAsync(TestPdfs.BlankPage(20_000, 20_000), DocumentKind.Pdf);

        Assert.Equal("image too large: page 1 would be 83334 × 83334 pixels at 300 dpi (limit 100000000)", result.ManualTriageReason);
        Assert.Empty(result.Pages);
    }

    [Fact]
    public async Task Should_stop_and_keep_the_pages_read_when_a_tiff_spends_the_document_ocr_time()
    {
        var tiff = ScanImages.LetterThenDenseTiff(2);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = await ExtractAsync(tiff, DocumentKind.Image, new TextExtractorOptions { OcrParallelism = 1, OcrDocumentTimeout = TimeSpan.FromSeconds(8) });

        // The dense pages alone take Tesseract about a minute each here.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(25));
        Assert.Equal("OCR budget spent: 1 of 3 scanned pages were read in 8 s (Extraction:OcrDocumentTimeout)", result.ManualTriageReason);
        Assert.Contains(ScanImages.NomorLine, result.Pages[0].Text.Split('\n'));
        Assert.All(result.Pages.Skip(1), page => Assert.Equal(string.Empty, page.Text));
    }

    [Fact]
    public async Task Should_ocr_only_the_pages_that_fit_the_document_pixels_and_keep_them()
    {
        var pdf = TestPdfs.Scanned(ScanImages.Letter300Jpeg(270), ScanImages.Letter300Jpeg(271), ScanImages.Letter300Jpeg(272));

        // An A4 page at 300 dpi is 2481 × 3508 pixels: two fit in 20 MP, three do not.
        var result = await ExtractAsync(pdf, DocumentKind.Pdf, new TextExtractorOptions { OcrMaxDocumentPixels = 20_000_000 });

        Assert.Equal("OCR budget spent: 2 of 3 scanned pages fit in 20000000 pixels (Extraction:OcrMaxDocumentPixels)", result.ManualTriageReason);
        Assert.Contains("Nomor : 271/PL.02.1-Und/32/2025", result.Pages[1].Text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Pages[2].Text);
        Assert.Null(result.Pages[2].OcrConfidence);
    }

    [Fact]
    public async Task Should_read_no_frame_and_say_why_when_the_first_frame_is_over_the_document_pixels()
    {
        var result = await ExtractAsync(ScanImages.Letter100Png, DocumentKind.Image, new TextExtractorOptions { OcrMaxDocumentPixels = 1_000 });

        Assert.Equal("OCR budget spent: 0 of 1 scanned pages fit in 1000 pixels (Extraction:OcrMaxDocumentPixels)", result.ManualTriageReason);
        Assert.Empty(result.Pages);
    }

    [Fact]
    public async Task Should_keep_the_text_and_say_scan_unreadable_when_every_ocr_page_is_below_the_minimum_confidence()
    {
        var result = await ExtractAsync(ScanImages.Letter100ScatteredPng, DocumentKind.Image);

        var page = Assert.Single(result.Pages);
        Assert.StartsWith(ExtractionReasons.ScanUnreadablePrefix + "OCR confidence ", result.ManualTriageReason, StringComparison.Ordinal);
        Assert.EndsWith(" (minimum 40)", result.ManualTriageReason, StringComparison.Ordinal);
        Assert.InRange(page.OcrConfidence!.Value, 0, 40);
        Assert.False(string.IsNullOrWhiteSpace(page.Text));
    }

    [Fact]
    public async Task Should_not_flag_the_scan_when_it_is_clean_at_the_same_100_dpi()
    {
        var result = await ExtractAsync(ScanImages.Letter100Png, DocumentKind.Image);

        Assert.Null(result.ManualTriageReason);
        Assert.InRange(Assert.Single(result.Pages).OcrConfidence!.Value, 40, 100);
    }

    [Fact]
    public async Task Should_not_flag_the_scattered_scan_when_the_minimum_confidence_is_zero()
    {
        var result = await ExtractAsync(ScanImages.Letter100ScatteredPng, DocumentKind.Image, new TextExtractorOptions { OcrMinConfidence = 0 });

        Assert.Null(result.ManualTriageReason);
    }

    [Theory]
    [InlineData(nameof(TextExtractorOptions.OcrMaxPages), 0)]
    [InlineData(nameof(TextExtractorOptions.OcrMinConfidence), -1)]
    [InlineData(nameof(TextExtractorOptions.OcrMinConfidence), 101)]
    [InlineData(nameof(TextExtractorOptions.MaxUncompressedBytes), 0)]
    [InlineData(nameof(TextExtractorOptions.OcrMaxDocumentPixels), 0)]
    public void Should_refuse_the_setting_and_name_its_key_when_a_limit_is_out_of_range(string property, long value)
    {
        var options = new TextExtractorOptions();
        var setting = typeof(TextExtractorOptions).GetProperty(property)!;
        setting.SetValue(options, Convert.ChangeType(value, setting.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        var annotations = new List<ValidationResult>();
        var valid = Validator.TryValidateObject(options, new ValidationContext(options), annotations, validateAllProperties: true);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TextExtractor(options));

        Assert.False(valid);
        Assert.Contains(property, Assert.Single(annotations).MemberNames);
        Assert.Equal($"Extraction:{property}", error.ParamName);
    }
}
