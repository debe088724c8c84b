using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// Appends to the decision ledger. An entry is written in the transaction of the change it
/// records, after the chain's head row is locked: a committed record always has its entry, a
/// rolled-back one never does, and concurrent appends from any number of processes queue on
/// the head row (PostgreSQL: SELECT … FOR UPDATE; SQLite: the single writer that
/// BEGIN IMMEDIATE takes) instead of forking the chain. The unique sequence number is a
/// second guard: a fork would fail its insert.
/// </summary>
public sealed class DecisionLedger(TriageDb db, TimeProvider clock)
{
    /// <summary>
    /// Stages the next entry for <paramref name="record"/> in the caller's open transaction; the
    /// caller's SaveChanges writes it with the change it records, and its commit publishes both.
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction is open: an entry must commit with its change.</exception>
    public async Task<LedgerEntry> AppendAsync(LedgerRecord record, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("the ledger appends inside the transaction that commits what it records: begin one first, or call SaveWithEntryAsync.");
        }

        var head = await LockAsync(ct);
        var entry = LedgerEntry.Next(head.Sequence + 1, head.Hash, record, clock.GetUtcNow());
        db.LedgerEntries.Add(entry);
        // Written now, inside the transaction: the row stays locked until the commit.
        await db.LedgerHeads.Where(h => h.Id == LedgerHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, entry.Sequence).SetProperty(h => h.Hash, entry.Hash), ct);
        return entry;
    }

    /// <summary>
    /// Saves the context's pending changes together with the entry recording them, in one
    /// transaction (the caller's when one is open, else its own).
    /// </summary>
    public async Task<LedgerEntry> SaveWithEntryAsync(LedgerRecord record, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var staged = await AppendAsync(record, ct);
            await db.SaveChangesAsync(ct);
            return staged;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = await AppendAsync(record, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return entry;
    }

    /// <summary>
    /// Locks the chain's head for the rest of the open transaction and returns it. A caller that
    /// must read something only one committer at a time may read (the next agenda number) locks first.
    /// </summary>
    public async Task<LedgerHead> LockAsync(CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("the ledger's head is locked inside a transaction: begin one first.");
        }

        // SQLite has no row locks, and needs none: BEGIN IMMEDIATE (what EF's BeginTransaction
        // issues there) already made this connection the database's only writer.
        var sql = db.Database.IsNpgsql()
            ? """SELECT * FROM "LedgerHeads" WHERE "Id" = 1 FOR UPDATE"""
            : """SELECT * FROM "LedgerHeads" WHERE "Id" = 1""";
        return await db.LedgerHeads.FromSqlRaw(sql).AsNoTracking().SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("the ledger's head row is missing: the database was not migrated, or someone deleted it.");
    }
}
