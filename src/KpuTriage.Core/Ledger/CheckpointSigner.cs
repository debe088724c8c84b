using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// Signs the chain's head with the office key when it moved since the last checkpoint, and
/// publishes checkpoints the broker has not confirmed yet. Several processes may do this at
/// once: the unique (office, sequence) key keeps one checkpoint per head.
/// </summary>
public sealed class CheckpointSigner(TriageDb db, OfficeKey key, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<CheckpointSigner> log)
{
    /// <returns>The new checkpoint, or null when the head has not moved (or another process signed it first).</returns>
    /// <exception cref="InvalidOperationException">The office key was retired by a rotation: this host still runs with the old key file.</exception>
    public async Task<LedgerCheckpoint?> SignHeadAsync(CancellationToken ct)
    {
        var office = options.Value.OfficeId;
        await RefuseRetiredAsync(db, office, key, ct);
        var head = await db.LedgerHeads.AsNoTracking().SingleAsync(ct);
        if (head.Sequence == 0 || await db.LedgerCheckpoints.AnyAsync(c => c.Office == office && !c.Imported && c.Sequence == head.Sequence, ct))
        {
            return null;
        }

        var signedAt = LedgerTime.Truncate(clock.GetUtcNow());
        var signature = key.Sign(CheckpointMessage.SignedBytes(office, head.Sequence, head.Hash, LedgerTime.Format(signedAt), key.KeyId));
        var checkpoint = new LedgerCheckpoint
        {
            Office = office,
            Sequence = head.Sequence,
            Hash = head.Hash,
            SignedAt = signedAt,
            KeyId = key.KeyId,
            PublicKey = Convert.ToBase64String(key.PublicKey),
            Signature = Convert.ToBase64String(signature),
            PublishPending = options.Value.RabbitMqUri is not null,
        };
        db.LedgerCheckpoints.Add(checkpoint);
        return await db.SaveWinningAsync(ct) ? checkpoint : null;
    }

    /// <summary>A retired key signs nothing: every verifier would refuse what it signed after its rotation.</summary>
    /// <exception cref="InvalidOperationException">The key announced a successor.</exception>
    public static async Task RefuseRetiredAsync(TriageDb db, string office, OfficeKey key, CancellationToken ct)
    {
        if (await db.LedgerCheckpoints.AsNoTracking().Where(c => c.Office == office && !c.Imported && c.KeyId == key.KeyId && c.NextKey != null)
                .Select(c => new { c.Sequence, c.NextKey }).FirstOrDefaultAsync(ct) is { } rotation)
        {
            throw new InvalidOperationException(
                $"the office key {key.KeyId} at {key.Path} (Ledger:KeyPath) was retired at entry {rotation.Sequence} in favour of key {OfficeKey.IdOf(Convert.FromBase64String(rotation.NextKey!))}: point Ledger:KeyPath at the new key file and restart.");
        }
    }

    /// <returns>How many checkpoints the broker confirmed.</returns>
    public async Task<int> PublishPendingAsync(CancellationToken ct)
    {
        if (options.Value.RabbitMqUri is not { } broker)
        {
            return 0;
        }

        var pending = await db.LedgerCheckpoints.Where(c => c.PublishPending).OrderBy(c => c.Sequence).ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        await CheckpointExchange.PublishAsync(broker, pending.Select(c => c.ToMessage()).ToList(), ct);
        foreach (var checkpoint in pending)
        {
            checkpoint.PublishPending = false;
        }

        await db.SaveChangesAsync(ct);
        log.LogInformation("Published {Count} ledger checkpoint(s) up to entry {Sequence} to {Exchange}", pending.Count, pending[^1].Sequence, LedgerOptions.CheckpointExchange);
        return pending.Count;
    }
}
