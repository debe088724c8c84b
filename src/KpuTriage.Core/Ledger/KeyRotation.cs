using System.Text.Json.Nodes;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// Hands the office's signing over to a new key: one ledger entry records the rotation, and the
/// checkpoint of that entry, signed by the old key, carries the new public key. Both commit in
/// one transaction, so no other signer can take that entry's checkpoint first. From then on the
/// old key signs nothing (<see cref="CheckpointSigner"/> refuses), and the new key file names
/// the keys it succeeds so this office still checks its older checkpoints.
/// </summary>
public sealed class KeyRotation(TriageDb db, DecisionLedger ledger, OfficeKey current, IOptions<LedgerOptions> options, TimeProvider clock, ILogger<KeyRotation> log)
{
    /// <returns>The announcing checkpoint.</returns>
    /// <exception cref="InvalidOperationException">The current key was retired already, or the new key is the current one.</exception>
    public async Task<LedgerCheckpoint> RotateAsync(string newKeyPath, string by, CancellationToken ct)
    {
        var office = options.Value.OfficeId;
        await CheckpointSigner.RefuseRetiredAsync(db, office, current, ct);
        OfficeKey.WriteSuccessor(newKeyPath, [.. current.Predecessors, current.PublicKey], log);
        using var next = OfficeKey.LoadOrCreate(newKeyPath, log);
        if (next.KeyId == current.KeyId || current.Predecessors.Any(p => OfficeKey.IdOf(p) == next.KeyId))
        {
            throw new InvalidOperationException($"the key at {next.Path} is the office's current or an earlier key ({next.KeyId}): rotate to a new key.");
        }

        var nextKey = Convert.ToBase64String(next.PublicKey);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = await ledger.AppendAsync(new LedgerRecord(LedgerKinds.KeyRotation, next.KeyId, new JsonObject
        {
            ["office"] = office,
            ["from"] = current.KeyId,
            ["to"] = next.KeyId,
            ["publicKey"] = nextKey,
            ["by"] = by,
        }), ct);
        var signedAt = LedgerTime.Truncate(clock.GetUtcNow());
        var checkpoint = new LedgerCheckpoint
        {
            Office = office,
            Sequence = entry.Sequence,
            Hash = entry.Hash,
            SignedAt = signedAt,
            KeyId = current.KeyId,
            PublicKey = Convert.ToBase64String(current.PublicKey),
            NextKey = nextKey,
            Signature = Convert.ToBase64String(current.Sign(CheckpointMessage.SignedBytes(office, entry.Sequence, entry.Hash, LedgerTime.Format(signedAt), current.KeyId, nextKey))),
            PublishPending = options.Value.RabbitMqUri is not null,
        };
        db.LedgerCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        log.LogWarning("Ledger key {Old} retired at entry {Sequence}; key {New} at {Path} signs from now on. Point Ledger:KeyPath at it and restart every host.",
            current.KeyId, entry.Sequence, next.KeyId, next.Path);
        return checkpoint;
    }
}
