using KpuTriage.Core.Intake;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Pipeline;

public sealed class FolderIntakeSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory folder = new();
    private Desk desk = null!;

    public async Task InitializeAsync() => desk = await Desk.StartAsync(new DeskSettings
    {
        DataDirectory = data.Path,
        Extra = new Dictionary<string, string>
        {
            ["Intake:WatchFolder"] = folder.Path,
            ["Intake:WatchInterval"] = "00:00:00.200",
            ["Intake:WatchSettleTime"] = "00:00:00.300",
        },
    });

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
        folder.Dispose();
    }

    private async Task<string[]> WaitForFilesAsync(string subfolder, string pattern, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var path = Path.Combine(folder.Path, subfolder);
            var files = Directory.Exists(path) ? Directory.GetFiles(path, pattern, SearchOption.AllDirectories) : [];
            if (files.Length >= count)
            {
                return files;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{count} file(s) {pattern} never reached {subfolder}/");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Should_take_a_dropped_letter_into_the_inbox_and_move_it_to_diterima()
    {
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "scan-0001.txt"), Letters.UndanganBytes(401));

        await WaitForFilesAsync(FolderIntake.Accepted, "scan-0001.txt", 1);

        var document = await desk.QueryAsync(db => db.Documents.SingleAsync());
        Assert.Equal(FolderIntake.Source, document.Source);
        // A scan from the folder belongs to no integration key: a clerk follows it.
        using var clerk = await desk.ClerkAsync();
        await Desk.WaitForStatusAsync(clerk, document.Id, "in_review");
        Assert.False(File.Exists(Path.Combine(folder.Path, "scan-0001.txt")));
    }

    [Fact]
    public async Task Should_move_a_refused_file_to_ditolak_with_the_reason_beside_it()
    {
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "kosong.txt"), []);

        var reasons = await WaitForFilesAsync(FolderIntake.Refused, "kosong.txt.alasan.txt", 1);

        Assert.StartsWith("empty_file:", await File.ReadAllTextAsync(reasons[0]), StringComparison.Ordinal);
        Assert.Equal(0, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }
}
