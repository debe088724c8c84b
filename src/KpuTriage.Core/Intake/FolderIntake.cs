using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Intake;

/// <summary>
/// The watched-folder channel. Polling, not a file-system watcher: it works the same on a
/// network share, and a missed event cannot strand a file. A file leaves the folder only
/// after its document is recorded (to diterima/) or refused with the reason (to ditolak/);
/// on any other failure it stays where it is and is tried again.
/// </summary>
public sealed class FolderIntake(IServiceScopeFactory scopes, IOptions<IntakeOptions> options, TimeProvider clock, ILogger<FolderIntake> log)
    : BackgroundService
{
    public const string Source = "folder";
    public const string Accepted = "diterima";
    public const string Refused = "ditolak";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = options.Value.WatchFolder!;
        Directory.CreateDirectory(folder);
        log.LogInformation("Watching {Folder} for incoming letters", folder);
        using var timer = new PeriodicTimer(options.Value.WatchInterval, clock);
        do
        {
            try
            {
                foreach (var file in SettledFiles(folder))
                {
                    await TakeAsync(folder, file, stoppingToken);
                }
            }
            catch (IOException e)
            {
                log.LogError(e, "Cannot read the watched folder {Folder}; trying again", folder);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private List<FileInfo> SettledFiles(string folder)
    {
        var settledBefore = clock.GetUtcNow() - options.Value.WatchSettleTime;
        return new DirectoryInfo(folder).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && f.LastWriteTimeUtc < settledBefore.UtcDateTime)
            .OrderBy(f => f.LastWriteTimeUtc)
            .ToList();
    }

    private async Task TakeAsync(string folder, FileInfo file, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<IntakeService>();
        try
        {
            IntakeResult result;
            await using (var content = file.OpenRead())
            {
                result = await intake.AcceptAsync(new IntakeRequest(Source, null, file.Name, null, null, content), ct);
            }

            MoveInto(folder, Accepted, file);
            log.LogInformation("Folder intake took {File} as document {DocumentId}", file.Name, result.Document.Id);
        }
        catch (IntakeRefusedException refused)
        {
            var moved = MoveInto(folder, Refused, file);
            await File.WriteAllTextAsync(moved + ".alasan.txt", $"{refused.Code}: {refused.Message}\n", ct);
            log.LogWarning("Folder intake refused {File}: {Reason}", file.Name, refused.Message);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The database or the disk is away: the file stays and is tried on the next look.
            log.LogError(e, "Folder intake could not take {File}; it stays in the folder", file.Name);
        }
    }

    private string MoveInto(string folder, string subfolder, FileInfo file)
    {
        var day = clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var target = Path.Combine(folder, subfolder, day);
        Directory.CreateDirectory(target);
        var path = Path.Combine(target, file.Name);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(target, $"{Path.GetFileNameWithoutExtension(file.Name)} ({n}){file.Extension}");
        }

        file.MoveTo(path);
        return path;
    }
}
