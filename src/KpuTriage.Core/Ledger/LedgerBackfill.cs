using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// An office upgrading to the ledger has register records committed before it existed. On the
/// first start with the ledger, they are appended once, in the order they were decided, so
/// verification covers them from then on (their entries' time is the upgrade's, not the decision's).
/// Accounts that existed before it are recorded as they are, with change "existing".
/// </summary>
public sealed class LedgerBackfill(TriageDb db, DecisionLedger ledger, ILogger<LedgerBackfill> log)
{
    public async Task RunAsync(CancellationToken ct)
    {
        await AccountsAsync(ct);
        if (!await db.Register.AnyAsync(ct) || await db.LedgerEntries.AnyAsync(e => e.Kind == LedgerKinds.Decision, ct))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ledger.LockAsync(ct);
        // Another process starting at the same moment may have done it while this one waited.
        if (await db.LedgerEntries.AnyAsync(e => e.Kind == LedgerKinds.Decision, ct))
        {
            return;
        }

        var records = await db.Register.AsNoTracking().OrderBy(r => r.DecidedAt).ThenBy(r => r.Year).ThenBy(r => r.AgendaNumber).ToListAsync(ct);
        foreach (var record in records)
        {
            var sha = await db.Documents.Where(d => d.Id == record.DocumentId).Select(d => d.Sha256).SingleAsync(ct);
            var text = await db.DocumentTexts.Where(t => t.DocumentId == record.DocumentId).Select(t => t.PagesJson).FirstOrDefaultAsync(ct);
            var proposal = record.ProposalId is { } id ? await db.Proposals.Where(p => p.Id == id).Select(p => new { p.Revision, p.FieldsJson }).FirstOrDefaultAsync(ct) : null;
            await ledger.AppendAsync(DecisionPayload.Record(record, sha, text, proposal?.Revision, proposal?.FieldsJson), ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        log.LogWarning("Recorded {Count} register records committed before the ledger existed in the ledger", records.Count);
    }

    private async Task AccountsAsync(CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(ct) || await db.LedgerEntries.AnyAsync(e => e.Kind == LedgerKinds.Account, ct))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ledger.LockAsync(ct);
        if (await db.LedgerEntries.AnyAsync(e => e.Kind == LedgerKinds.Account, ct))
        {
            return;
        }

        var users = await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ToListAsync(ct);
        foreach (var user in users)
        {
            await ledger.AppendAsync(AccountPayload.Record(AccountPayload.Existing, user, "upgrade"), ct);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        log.LogWarning("Recorded {Count} accounts that existed before the ledger in the ledger", users.Count);
    }
}
