using KpuTriage.Core.Ledger;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// The office's prompt versions: seeds version 1 from the prompts folder, makes drafts from
/// edits, promotes a draft through the <see cref="PromotionGate"/> and rolls back to an earlier
/// active version. Every change takes the ledger's head lock first, so two admins acting at
/// once are served one after the other and never leave two versions active, and records who
/// and when in the same transaction.
/// </summary>
public sealed class PromptVersions(TriageDb db, DecisionLedger ledger, TimeProvider clock, IOptions<PromptOptions> options, LlmOptions models)
{
    public Task<PromptVersion?> ActiveAsync(CancellationToken ct) =>
        db.PromptVersions.AsNoTracking().SingleOrDefaultAsync(v => v.State == PromptVersionState.Active, ct);

    /// <summary>Every version, newest first.</summary>
    public async Task<IReadOnlyList<PromptVersion>> ListAsync(CancellationToken ct) =>
        await db.PromptVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);

    public Task<PromptVersion?> FindAsync(int number, CancellationToken ct) =>
        db.PromptVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, ct);

    /// <summary>
    /// On every start. The first time, stores the folder's files as version 1 and makes it
    /// active: what the engine sent before versions were stored, under the same name. Later,
    /// files that differ from every stored version (someone edited prompts/ or prompts/office/)
    /// become a draft of <see cref="PromptVersion.FilesAuthor"/> on the active version: editing
    /// the files never changes by itself what the model is sent; an admin promotes the draft
    /// through the gate like any other.
    /// </summary>
    /// <returns>The version made, or null when the files are already a stored version.</returns>
    /// <exception cref="RefusedException">The edited files cannot be used.</exception>
    public async Task<PromptVersion?> TakeFolderAsync(PromptFiles files, CancellationToken ct)
    {
        if (!await db.PromptVersions.AnyAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ledger.LockAsync(ct);
            if (!await db.PromptVersions.AnyAsync(ct))
            {
                var first = PromptVersion.Create(1, null, PromptVersion.FilesAuthor, clock.GetUtcNow(), files, PromptVersionState.Active);
                db.PromptVersions.Add(first);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return first;
            }
        }

        return await DraftAsync(parentNumber: null, files, PromptVersion.FilesAuthor, ct);
    }

    /// <summary>An admin's edit of <paramref name="parentNumber"/>: a new draft with its diff against the parent.</summary>
    /// <exception cref="RefusedException">The parent does not exist, nothing changed, or the files cannot be used.</exception>
    public async Task<PromptVersion> CreateDraftAsync(int parentNumber, PromptFiles files, string author, CancellationToken ct) =>
        await DraftAsync(parentNumber, files, author, ct) ?? throw new InvalidOperationException("an admin's draft is always made");

    /// <param name="parentNumber">The version edited; null for the folder's files, which are a draft of the active version unless already stored.</param>
    private async Task<PromptVersion?> DraftAsync(int? parentNumber, PromptFiles files, string author, CancellationToken ct)
    {
        if (Unusable(files) is { } problem)
        {
            throw new RefusedException(PromptRefusals.Invalid(problem));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ledger.LockAsync(ct);
        if (parentNumber is null && await db.PromptVersions.AnyAsync(v => v.Hash == files.Hash, ct))
        {
            return null;
        }

        var parent = parentNumber is { } number
            ? await db.PromptVersions.SingleOrDefaultAsync(v => v.Number == number, ct) ?? throw new RefusedException(PromptRefusals.UnknownVersion(number))
            : await CurrentAsync(ct);
        if (parent.Hash == files.Hash)
        {
            throw new RefusedException(PromptRefusals.Unchanged(parent.Number));
        }

        var draft = PromptVersion.Create(await db.PromptVersions.MaxAsync(v => v.Number, ct) + 1, parent, author, clock.GetUtcNow(), files, PromptVersionState.Draft);
        db.PromptVersions.Add(draft);
        await ledger.AppendAsync(PromptPayload.Edited(draft, author), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return draft;
    }

    /// <summary>
    /// Makes the draft active if the gate lets it, on the evidence of the newest finished replay
    /// of this draft against the version active now; the version active until now is retired.
    /// </summary>
    /// <exception cref="RefusedException">The draft does not exist or is not a draft, it was not replayed against the active version, or the gate refuses it.</exception>
    public async Task<PromptVersion> PromoteAsync(int number, string admin, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ledger.LockAsync(ct);
        var draft = await db.PromptVersions.SingleOrDefaultAsync(v => v.Number == number, ct)
            ?? throw new RefusedException(PromptRefusals.UnknownVersion(number));
        if (draft.State != PromptVersionState.Draft)
        {
            throw new RefusedException(PromptRefusals.NotADraft(number, draft.State));
        }

        var active = await CurrentAsync(ct);
        var replay = await NewestReplayAsync(number, active.Number, ct) ?? throw new RefusedException(PromptRefusals.ReplayFirst(number, active.Number));
        var evidence = replay.Evidence() ?? throw new InvalidOperationException($"replay run {replay.Id} is finished but has no result.");
        var tolerance = options.Value.PromotionTolerance;
        if (PromotionGate.Judge(draft, active, admin, evidence, tolerance) is { } refusal)
        {
            throw new RefusedException(refusal);
        }

        await SwitchAsync(active, draft, PromptPayload.Promoted(draft, active, admin, evidence, replay.Id, tolerance), transaction, ct);
        return draft;
    }

    /// <summary>
    /// The newest finished replay of the draft against the active version, or else against any
    /// version (the gate then names the version it compared with), or null when there is none.
    /// </summary>
    private async Task<ReplayRun?> NewestReplayAsync(int draft, int active, CancellationToken ct)
    {
        var finished = db.ReplayRuns.AsNoTracking().Where(r => r.DraftNumber == draft && r.State == ReplayRunState.Finished);
        return await finished.Where(r => r.ActiveNumber == active).OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync(ct)
            ?? await finished.OrderByDescending(r => r.FinishedAt).FirstOrDefaultAsync(ct);
    }

    /// <summary>Makes an earlier active version active again, in one action; the version active until now is retired.</summary>
    /// <exception cref="RefusedException">The version does not exist or was never active.</exception>
    public async Task<PromptVersion> RollBackAsync(int number, string admin, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await ledger.LockAsync(ct);
        var target = await db.PromptVersions.SingleOrDefaultAsync(v => v.Number == number, ct)
            ?? throw new RefusedException(PromptRefusals.UnknownVersion(number));
        if (target.State != PromptVersionState.Retired)
        {
            throw new RefusedException(PromptRefusals.NotEarlierActive(number, target.State));
        }

        var active = await CurrentAsync(ct);
        await SwitchAsync(active, target, PromptPayload.RolledBack(target, active, admin), transaction, ct);
        return target;
    }

    /// <summary>
    /// Runs the draft beside the active version on live letters from now on (one draft at a time:
    /// another draft in shadow stops). Its proposals are never shown to clerks.
    /// </summary>
    /// <exception cref="RefusedException">No model is configured, or the version is not a draft.</exception>
    public async Task<PromptVersion> StartShadowAsync(int number, string admin, CancellationToken ct)
    {
        if (!models.Enabled)
        {
            throw new RefusedException(PromptRefusals.NoModel());
        }

        var draft = await db.PromptVersions.SingleOrDefaultAsync(v => v.Number == number, ct)
            ?? throw new RefusedException(PromptRefusals.UnknownVersion(number));
        if (draft.State != PromptVersionState.Draft)
        {
            throw new RefusedException(PromptRefusals.ShadowNotADraft(number, draft.State));
        }

        foreach (var running in await db.PromptVersions.Where(v => v.ShadowSince != null && v.Number != number).ToListAsync(ct))
        {
            running.StopShadow();
        }

        draft.StartShadow(admin, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>Stops the draft's shadow run; what it proposed so far stays, and stays scored.</summary>
    /// <exception cref="RefusedException">There is no such version.</exception>
    public async Task StopShadowAsync(int number, CancellationToken ct)
    {
        var version = await db.PromptVersions.SingleOrDefaultAsync(v => v.Number == number, ct)
            ?? throw new RefusedException(PromptRefusals.UnknownVersion(number));
        version.StopShadow();
        await db.SaveChangesAsync(ct);
    }

    private async Task<PromptVersion> CurrentAsync(CancellationToken ct) =>
        await db.PromptVersions.SingleOrDefaultAsync(v => v.State == PromptVersionState.Active, ct)
        ?? throw new InvalidOperationException("no prompt version is active: the first start seeds version 1 from the prompts folder, and it did not run.");

    private async Task SwitchAsync(PromptVersion from, PromptVersion to, LedgerRecord record, IDbContextTransaction transaction, CancellationToken ct)
    {
        // Two saves: the unique index on the active version holds after every statement.
        from.Retire();
        await db.SaveChangesAsync(ct);
        to.Activate();
        await ledger.AppendAsync(record, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Why the engine could not use these files, or null: the taxonomy must read and the prompts must build from it.</summary>
    private static string? Unusable(PromptFiles files)
    {
        try
        {
            PromptSet.From(files, Taxonomy.Parse(files.Taxonomy, Taxonomy.FileName), PromptSet.Folder);
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            return e.Message;
        }
    }
}
