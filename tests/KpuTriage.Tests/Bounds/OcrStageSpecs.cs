using KpuTriage.Core.Blobs;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Bounds;

/// <summary>
/// The OCR stage keeps the pipeline's promises, once per storage provider (the derived classes):
/// a scan waits for it as awaiting_ocr, is driven on when a process that reads scans starts,
/// and goes to a clerk with the reason when its reading keeps failing.
/// </summary>
public abstract class OcrStageSpecs : OnEachStorage
{
    private Task<Desk> StartAsync(bool ocr) => Desk.StartAsync(new DeskSettings
    {
        DataDirectory = DataDirectory,
        PostgresConnectionString = PostgresConnectionString,
        Extra = new Dictionary<string, string> { ["Pipeline:OcrWithExtract"] = ocr ? "true" : "false" },
    });

    /// <returns>The id of a scan that waits, read by no process, as awaiting_ocr.</returns>
    private async Task<Guid> LeaveAScanWaitingAsync()
    {
        await using var withoutOcr = await StartAsync(ocr: false);
        var id = await withoutOcr.SubmitOkAsync("surat-undangan.png", ScanImages.Letter300Png);
        await withoutOcr.WaitForStatusAsync(id, "awaiting_ocr");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("awaiting_ocr", (await withoutOcr.DocumentAsync(id)).GetProperty("status").GetString());
        return id;
    }

    [Fact]
    public async Task Should_read_a_waiting_scan_when_a_desk_that_reads_scans_starts()
    {
        var id = await LeaveAScanWaitingAsync();

        await using var restarted = await StartAsync(ocr: true);
        var document = await restarted.WaitForStatusAsync(id, "in_review", "manual_triage");

        Assert.Equal("in_review", document.GetProperty("status").GetString());
        Assert.Equal(ScanImages.LetterNumber, document.GetProperty("proposal").GetProperty("fields").GetProperty("letterNumber").GetProperty("value").GetString());
        Assert.Equal("ocr", document.GetProperty("text").GetProperty("method").GetString());
    }

    [Fact]
    public async Task Should_send_a_scan_to_a_clerk_with_the_reason_when_its_ocr_keeps_failing()
    {
        var id = await LeaveAScanWaitingAsync();
        string fault;
        await using (var reader = await StartAsync(ocr: false))
        {
            var sha256 = await reader.QueryAsync(db => db.Documents.Where(d => d.Id == id).Select(d => d.Sha256).SingleAsync());
            if (UsePostgres)
            {
                // A byte of the stored file changes in the database: every read of it now fails its hash check.
                await reader.QueryAsync(db => db.Database.ExecuteSqlAsync(
                    $"""UPDATE "BlobChunks" SET "Data" = set_byte("Data", 0, (get_byte("Data", 0) + 1) % 256) WHERE "Sha256" = {sha256} AND "Index" = 0"""));
                fault = nameof(InvalidDataException);
            }
            else
            {
                // Every read of the stored file now fails with EIO, as a failing disk's would.
                var path = reader.Services.GetRequiredService<FolderBlobStore>().PathOf(sha256);
                File.Delete(path);
                File.CreateSymbolicLink(path, "/proc/self/mem");
                fault = nameof(IOException);
            }
        }

        await using var restarted = await StartAsync(ocr: true);
        var document = await restarted.WaitForStatusAsync(id, "manual_triage", "in_review");

        Assert.Equal("manual_triage", document.GetProperty("status").GetString());
        Assert.StartsWith($"OCR failed after retries: {fault}", document.GetProperty("statusReason").GetString(), StringComparison.Ordinal);
    }
}
