using KpuTriage.Core.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KpuTriage.Cli.Ledger;

/// <summary>
/// <c>kputriage ledger import-checkpoints</c>: from a file (JSON lines, the exchange's message
/// bodies — e.g. another office's export/checkpoints.jsonl), or from a queue bound to the
/// exchange, drained until empty. A refused checkpoint is named with its reason; the exit code
/// is 1 when any was refused (a refusal is evidence, not noise), 0 otherwise.
/// </summary>
internal static class CheckpointImportRun
{
    public static async Task<int> RunAsync(IServiceProvider services, string? file, string? queue, string? broker, CancellationToken ct)
    {
        if ((file is null) == (queue is null))
        {
            throw new InvalidOperationException(CliText.Get("ledger-import-source"));
        }

        var import = services.GetRequiredService<CheckpointImport>();
        var (stored, known, refused) = (0, 0, 0);
        async Task StoreAsync(string json, string from)
        {
            var outcome = await import.ImportAsync(json, from, ct);
            if (outcome.Refusal is not null)
            {
                refused++;
                await Console.Error.WriteLineAsync(CliText.Get("ledger-import-refused", from, outcome.Office ?? "?", outcome.Sequence?.ToString(CliText.Culture) ?? "?", outcome.Refusal));
            }
            else if (outcome.Stored)
            {
                stored++;
            }
            else
            {
                known++;
            }
        }

        if (file is not null)
        {
            var path = Path.GetFullPath(file);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(CliText.Get("not-found", path));
            }

            foreach (var (number, text) in ExportedLedger.Lines(Path.GetDirectoryName(path)!, Path.GetFileName(path)))
            {
                await StoreAsync(text, $"{path}:{number}");
            }
        }
        else
        {
            Uri? given = null;
            if (broker is not null && !Uri.TryCreate(broker, UriKind.Absolute, out given))
            {
                throw new InvalidOperationException(CliText.Get("ledger-import-bad-broker", broker));
            }

            var uri = given ?? services.GetRequiredService<IOptions<LedgerOptions>>().Value.RabbitMqUri
                ?? throw new InvalidOperationException(CliText.Get("ledger-import-no-broker"));
            await CheckpointExchange.DrainAsync(uri, queue!, json => StoreAsync(json, $"queue {queue}"), ct);
        }

        Console.Out.WriteLine(CliText.Get("ledger-imported", stored, known, refused));
        return refused > 0 ? 1 : 0;
    }
}
