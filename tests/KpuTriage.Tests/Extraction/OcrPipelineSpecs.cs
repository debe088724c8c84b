using KpuTriage.Core.Extraction;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Extraction;

/// <summary>A scanned letter through the real desk (HTTP intake, SQLite, in-memory transport) to a proposal a clerk reviews.</summary>
public sealed class OcrPipelineSpecs : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Should_propose_letter_number_and_perihal_when_a_scanned_letter_arrives_as_an_image()
    {
        await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });

        var id = await desk.SubmitOkAsync("surat-undangan.png", ScanImages.Letter300Png);
        var document = await desk.WaitForStatusAsync(id, "in_review", "manual_triage");

        Assert.Equal("in_review", document.GetProperty("status").GetString());
        var fields = document.GetProperty("proposal").GetProperty("fields");
        Assert.Equal(ScanImages.LetterNumber, fields.GetProperty("letterNumber").GetProperty("value").GetString());
        Assert.Equal(ScanImages.Perihal, fields.GetProperty("perihal").GetProperty("value").GetString());
        var text = await desk.QueryAsync(db => db.DocumentTexts.SingleAsync(t => t.DocumentId == id));
        Assert.Equal(ExtractionMethods.Ocr, text.Method);
        Assert.NotNull(Assert.Single(text.Pages()).OcrConfidence);
    }

    [Fact]
    public async Task Should_keep_what_ocr_read_when_an_unreadable_scan_goes_to_a_clerk()
    {
        await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });

        var id = await desk.SubmitOkAsync("surat-buram.png", ScanImages.Letter100ScatteredPng);
        var document = await desk.WaitForStatusAsync(id, "in_review", "manual_triage");

        Assert.Equal("manual_triage", document.GetProperty("status").GetString());
        Assert.StartsWith(ExtractionReasons.ScanUnreadablePrefix, document.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
        var text = await desk.QueryAsync(db => db.DocumentTexts.SingleAsync(t => t.DocumentId == id));
        Assert.NotNull(Assert.Single(text.Pages()).OcrConfidence);
    }
}
