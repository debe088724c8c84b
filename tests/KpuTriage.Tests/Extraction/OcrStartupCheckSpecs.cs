using KpuTriage.Core.Extraction;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Tests.Extraction;

public sealed class OcrStartupCheckSpecs
{
    [Fact]
    public async Task Should_warn_once_with_what_to_install_when_tesseract_is_missing_at_start()
    {
        var log = new RecordingLogger<OcrStartupCheck>();
        using var extractor = new TextExtractor(new TextExtractorOptions { TesseractPath = "/nonexistent/bin/tesseract" });
        using var check = new OcrStartupCheck(extractor, log);

        await check.StartAsync(CancellationToken.None);
        await check.ExecuteTask!;

        var (level, message) = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("OCR is not installed: install tesseract-ocr and tesseract-ocr-ind", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_say_ocr_is_ready_when_the_tools_are_installed()
    {
        var log = new RecordingLogger<OcrStartupCheck>();
        using var extractor = new TextExtractor();
        using var check = new OcrStartupCheck(extractor, log);

        await check.StartAsync(CancellationToken.None);
        await check.ExecuteTask!;

        Assert.Equal(LogLevel.Information, Assert.Single(log.Entries).Level);
    }
}
