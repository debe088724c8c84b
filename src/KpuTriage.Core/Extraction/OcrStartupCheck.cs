using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Says once, at start, whether scans can be read, so an office without Tesseract learns it
/// from the log rather than from a pile of letters in manual triage.
/// </summary>
public sealed class OcrStartupCheck(TextExtractor extractor, ILogger<OcrStartupCheck> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (await extractor.OcrUnavailableReasonAsync(stoppingToken) is { } reason)
        {
            log.LogWarning("Scanned letters and images will go to manual triage: {Reason}", reason);
        }
        else
        {
            log.LogInformation("OCR is ready: scanned letters and images will be read");
        }
    }
}
