using System.Globalization;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Cli.Ledger;

/// <summary><c>kputriage ledger verify</c>: on the office's database (result stored for the desk), or on an export folder offline.</summary>
internal static class LedgerVerifyRun
{
    public static Task<int> DatabaseAsync(string? settings, CancellationToken ct) => LedgerCommand.RunAsync(settings, async services =>
    {
        var (result, verdict) = await services.GetRequiredService<LedgerAudit>().VerifyAsync(LedgerCommand.Actor, ct);
        Console.Out.WriteLine(CliText.Get("ledger-checked", result.EntriesChecked, result.CheckpointsChecked,
            result.DurationMilliseconds.ToString(CultureInfo.InvariantCulture), verdict.HeadHash ?? LedgerEntry.Genesis));
        return Report(verdict);
    }, ct);

    public static async Task<int> ExportAsync(string folder, string? checkpointsFile, string? pinnedKeyFile, string? settings, CancellationToken ct)
    {
        try
        {
            var export = ExportedLedger.Read(Path.GetFullPath(folder));
            var held = new List<TrustedCheckpoint>();
            if (checkpointsFile is not null)
            {
                var path = Path.GetFullPath(checkpointsFile);
                held.AddRange(ExportedLedger.Lines(Path.GetDirectoryName(path)!, Path.GetFileName(path))
                    .Select(l => ExportedLedger.Checkpoint(Path.GetDirectoryName(path)!, $"{Path.GetFileName(path)} line {l.Number}", l.Text))
                    .Where(c => c.Office == export.Office)
                    .Select(c => new TrustedCheckpoint(c, Convert.FromBase64String(c.PublicKey), $"key {c.KeyId} carried in {path}", $"from {path}")));
            }

            if (settings is not null)
            {
                using var host = await OfficeHost.OpenAsync(settings, ct);
                await using var scope = host.Services.CreateAsyncScope();
                held.AddRange(await LedgerCommand.HeldCheckpointsAsync(scope.ServiceProvider.GetRequiredService<TriageDb>(), export.Office, ct));
            }

            (byte[] Key, string From)? pinned = pinnedKeyFile is null ? null : (OfficeKey.ReadPublicKey(Path.GetFullPath(pinnedKeyFile)), Path.GetFullPath(pinnedKeyFile));
            var verdict = await export.VerifyAsync(held, pinned, ct);
            Console.Out.WriteLine(CliText.Get("ledger-export-checked", export.Office, export.KeyId, verdict.EntriesChecked, verdict.CheckpointsChecked, held.Count));
            return Report(verdict);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or FormatException)
        {
            await Console.Error.WriteLineAsync(CliText.Get("ledger-failed", e.Message));
            return 2;
        }
    }

    private static int Report(LedgerVerdict verdict)
    {
        if (verdict.Break is not { } broken)
        {
            Console.Out.WriteLine(CliText.Get("ledger-intact"));
            return 0;
        }

        Console.Out.WriteLine(broken.Sequence is { } sequence ? CliText.Get("ledger-broken-at", sequence) : CliText.Get("ledger-broken"));
        Console.Out.WriteLine(broken.Problem);
        return 1;
    }
}
