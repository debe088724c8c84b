using System.Diagnostics;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// Verifies the office's ledger in its database — the chain, every decision against its
/// register record, and every checkpoint of this office (its own, and copies another office
/// held) under the office key — and keeps the result for the desk's admin page.
/// </summary>
public sealed class LedgerAudit(TriageDb db, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<LedgerAudit> log)
{
    /// <param name="ranBy">Who asked: a desk admin's name, or "command:&lt;os user&gt;".</param>
    public async Task<(LedgerVerification Result, LedgerVerdict Verdict)> VerifyAsync(string ranBy, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var ranAt = clock.GetUtcNow();
        var keyPath = options.Value.KeyPath!;
        using var key = OfficeKey.TryLoad(keyPath, log);
        var office = options.Value.OfficeId;
        var checkpoints = await db.LedgerCheckpoints.AsNoTracking().Where(c => c.Office == office).ToListAsync(ct);
        // From the office's first key (the key file names it after a rotation) through every announced successor.
        var trusted = OfficeKeyChain.Resolve(
            key?.Anchor ?? [],
            key is null ? $"no office key (none at {keyPath})" : key.AnchorDescription,
            checkpoints.Select(c => new OfficeKeyChain.Held(
                c.ToMessage(), c.Imported ? $"held by another office, received from {c.ReceivedFrom}" : "this office's own")));
        var verdict = await ChainVerifier.VerifyAsync(new DatabaseLedgerSource(db), trusted, ct);
        var result = new LedgerVerification
        {
            RanAt = ranAt,
            RanBy = ranBy.Length > 200 ? ranBy[..200] : ranBy,
            Ok = verdict.Ok,
            EntriesChecked = verdict.EntriesChecked,
            CheckpointsChecked = verdict.CheckpointsChecked,
            FirstBrokenSequence = verdict.Break?.Sequence,
            Problem = verdict.Break?.Problem,
            DurationMilliseconds = started.ElapsedMilliseconds,
        };
        db.LedgerVerifications.Add(result);
        await db.SaveChangesAsync(ct);
        return (result, verdict);
    }

    public Task<LedgerVerification?> LatestAsync(CancellationToken ct) =>
        db.LedgerVerifications.AsNoTracking().OrderByDescending(v => v.RanAt).FirstOrDefaultAsync(ct);
}
