using System.Text.Json.Nodes;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Ledger;

/// <summary>Writes the office's ledger, its own checkpoints and its public key into a folder an auditor verifies offline (<see cref="ExportedLedger"/>).</summary>
public sealed class LedgerExport(TriageDb db, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<LedgerExport> log)
{
    /// <returns>How many entries were written.</returns>
    /// <exception cref="InvalidOperationException">The folder is not empty, or the office key is missing.</exception>
    public async Task<long> WriteAsync(string folder, CancellationToken ct)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new InvalidOperationException($"the export folder {folder} is not empty: choose a new or empty folder.");
        }

        using var key = OfficeKey.TryLoad(options.Value.KeyPath!, log)
            ?? throw new InvalidOperationException($"there is no office key at {options.Value.KeyPath} (Ledger:KeyPath): without it the export's checkpoints cannot be checked.");
        Directory.CreateDirectory(folder);
        long count = 0;
        string head = LedgerEntry.Genesis;
        await using (var writer = new StreamWriter(Path.Combine(folder, ExportedLedger.EntriesFile)))
        {
            await foreach (var page in new DatabaseLedgerSource(db).PagesAsync(ct))
            {
                foreach (var entry in page)
                {
                    await writer.WriteLineAsync(CanonicalJson.Serialize(ExportedLedger.Line(entry)));
                    head = entry.Hash;
                    count++;
                }
            }
        }

        var office = options.Value.OfficeId;
        var checkpoints = await db.LedgerCheckpoints.AsNoTracking().Where(c => c.Office == office && !c.Imported).OrderBy(c => c.Sequence).ToListAsync(ct);
        await File.WriteAllLinesAsync(Path.Combine(folder, ExportedLedger.CheckpointsFile),
            checkpoints.Select(c => System.Text.Json.JsonSerializer.Serialize(c.ToMessage())), ct);
        // The office's keys oldest first, the current one last: the export's checkpoints are checked from the first.
        await File.WriteAllTextAsync(Path.Combine(folder, ExportedLedger.PublicKeyFile),
            string.Concat(key.Predecessors.Append(key.PublicKey).Select(k => System.Security.Cryptography.PemEncoding.WriteString("PUBLIC KEY", k) + "\n")), ct);
        var manifest = new JsonObject
        {
            ["office"] = office,
            ["exportedAt"] = LedgerTime.Format(clock.GetUtcNow()),
            ["entries"] = count,
            ["headHash"] = head,
            ["keyId"] = key.KeyId,
        };
        await File.WriteAllTextAsync(Path.Combine(folder, ExportedLedger.ManifestFile), manifest.ToJsonString(new() { WriteIndented = true }), ct);
        return count;
    }
}
