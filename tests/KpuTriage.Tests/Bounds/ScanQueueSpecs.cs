using System.Diagnostics;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Bounds;

/// <summary>
/// An ordinary text letter is never held behind a slow scan, on either transport (the derived
/// classes). One scan fills the extract stage here (Pipeline:ExtractConcurrency=1) as N scans fill
/// its N slots in production; the scan's OCR budget (Extraction:OcrDocumentTimeout) keeps it short.
/// </summary>
public abstract class ScanQueueSpecs
{
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    // Page 1 is the letter, pages 2-4 hold Tesseract for about a minute each.
    private static readonly Lazy<byte[]> SlowScan = new(() => ScanImages.LetterThenDenseTiff(3));

    private static Dictionary<string, string> Settings => new()
    {
        ["Pipeline:ExtractConcurrency"] = "1",
        ["Extraction:OcrParallelism"] = "1",
        ["Extraction:OcrDocumentTimeout"] = "00:00:20",
    };

    /// <returns>The desk that takes the letters, and what to dispose when the spec ends.</returns>
    internal abstract Task<(Desk Desk, IAsyncDisposable Running)> StartAsync(Dictionary<string, string> settings);

    [Fact]
    public async Task Should_bring_a_text_letter_to_the_inbox_within_seconds_when_a_slow_scan_is_being_read()
    {
        var (desk, running) = await StartAsync(Settings);
        await using var _ = running;
        // A first letter warms the desk up (the classifier loads on the first proposal): the
        // promise is about letters arriving while scans are read, not about a cold start.
        await desk.WaitForStatusAsync(await desk.SubmitOkAsync("pertama.txt", Letters.UndanganBytes(40)), "in_review");
        var scan = await desk.SubmitOkAsync("faks.tif", SlowScan.Value);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var letter = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(41));
        string? status;
        while ((status = (await desk.DocumentAsync(letter)).GetProperty("status").GetString()) != "in_review" && clock.Elapsed < Promise)
        {
            await Task.Delay(50);
        }

        var waited = clock.Elapsed;
        var scanStatus = (await desk.DocumentAsync(scan)).GetProperty("status").GetString();
        Assert.True(status == "in_review", $"the text letter was still {status} after {waited.TotalSeconds:0.0} s behind the scan");
        Assert.True(scanStatus is "received" or "awaiting_ocr", $"the scan was {scanStatus} when the letter arrived: it must still be read");

        var scanned = await desk.WaitForStatusAsync(scan, "in_review", "manual_triage");
        Assert.Equal("manual_triage", scanned.GetProperty("status").GetString());
        Assert.StartsWith("OCR budget spent: ", scanned.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        var text = await desk.QueryAsync(db => db.DocumentTexts.SingleAsync(t => t.DocumentId == scan));
        Assert.Contains(ScanImages.NomorLine, text.Pages()[0].Text.Split('\n'));
    }
}
