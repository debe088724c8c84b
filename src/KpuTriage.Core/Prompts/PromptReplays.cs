using KpuTriage.Core.Evaluation;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// Replays of prompt versions: an admin asks for one (a queued run against the version active
/// now), a worker or the command line runs it, and the result stays with the run for the desk
/// and for the promotion gate. Both versions answer the same letters through the live engine
/// (routing, masking, restricted letters, token budget, answer cache) and are scored as the
/// evaluation harness scores, by exact match.
/// </summary>
public sealed class PromptReplays(TriageDb db, GoldSet gold, ITriageEngine engine, LlmOptions llm, TimeProvider clock, ILogger<PromptReplays> log)
{
    /// <summary>The most approved decisions one run samples: each costs two model calls.</summary>
    public const int MaxGoldSize = 1000;

    /// <summary>Queues a replay of <paramref name="draftNumber"/> against the version active now.</summary>
    /// <param name="goldSize">How many approved decisions to sample; the development set comes on top.</param>
    /// <exception cref="RefusedException">No model is configured, the version is unknown or active, or the size is out of range.</exception>
    public async Task<ReplayRun> RequestAsync(int draftNumber, int goldSize, string requestedBy, CancellationToken ct)
    {
        if (!llm.Enabled)
        {
            throw new RefusedException(PromptRefusals.NoModel());
        }

        if (goldSize is < 1 or > MaxGoldSize)
        {
            throw new RefusedException(PromptRefusals.GoldSize(goldSize, MaxGoldSize));
        }

        if (!await db.PromptVersions.AnyAsync(v => v.Number == draftNumber, ct))
        {
            throw new RefusedException(PromptRefusals.UnknownVersion(draftNumber));
        }

        var active = await db.PromptVersions.Where(v => v.State == PromptVersionState.Active).Select(v => (int?)v.Number).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("no prompt version is active: the first start seeds version 1 from the prompts folder, and it did not run.");
        if (active == draftNumber)
        {
            throw new RefusedException(PromptRefusals.ReplayOfActive(draftNumber));
        }

        var run = ReplayRun.Queue(draftNumber, active, requestedBy, clock.GetUtcNow(), goldSize, Random.Shared.Next());
        db.ReplayRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>The runs that replayed <paramref name="number"/>, newest first.</summary>
    public async Task<IReadOnlyList<ReplayRun>> ForVersionAsync(int number, CancellationToken ct) =>
        await db.ReplayRuns.AsNoTracking().Where(r => r.DraftNumber == number).OrderByDescending(r => r.RequestedAt).ToListAsync(ct);

    public Task<ReplayRun?> FindAsync(Guid id, CancellationToken ct) =>
        db.ReplayRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The oldest run waiting for a worker, or null.</summary>
    public Task<Guid?> NextQueuedAsync(CancellationToken ct) =>
        db.ReplayRuns.Where(r => r.State == ReplayRunState.Queued).OrderBy(r => r.RequestedAt).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Claims the queued run and runs it here. The claim is one conditional update, so of two
    /// processes only one runs a run. A failure is stored with the run as its reason.
    /// </summary>
    /// <returns>False when the run was not queued any more (another process has it, or it is done).</returns>
    public async Task<bool> RunAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.ReplayRuns.Where(r => r.Id == id && r.State == ReplayRunState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReplayRunState.Running).SetProperty(r => r.StartedAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }

        var run = await db.ReplayRuns.SingleAsync(r => r.Id == id, ct);
        run.Progress(0, 0, now);
        try
        {
            run.Finish(await ReplayAsync(run, ct), clock.GetUtcNow());
        }
        catch (Exception e)
        {
            // Kept with the run, never lost: the admin reads why and can ask again.
            log.LogWarning(e, "Replay run {Run} of prompt version {Draft} failed", run.Id, run.DraftNumber);
            run.Fail(Reason(e, ct), clock.GetUtcNow());
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>
    /// Marks failed the runs still running with no progress for <paramref name="silence"/>: their
    /// process stopped mid-run (a crash, a redeploy), and nobody else would ever finish them.
    /// </summary>
    /// <returns>How many were marked.</returns>
    public Task<int> FailStalledAsync(TimeSpan silence, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = now - silence;
        var reason = $"abandoned: no progress for {silence}; the process running it stopped. Ask for the replay again.";
        return db.ReplayRuns
            .Where(r => r.State == ReplayRunState.Running && (r.HeartbeatAt ?? r.StartedAt) < before)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ReplayRunState.Failed).SetProperty(r => r.Failure, reason).SetProperty(r => r.FinishedAt, now), ct);
    }

    private static string Reason(Exception e, CancellationToken ct) => e switch
    {
        RefusedException refused => refused.Refusal.Message,
        OperationCanceledException when ct.IsCancellationRequested => "stopped before it finished: the process running it shut down; ask for the replay again.",
        _ => e.Message,
    };

    private async Task<ReplayResult> ReplayAsync(ReplayRun run, CancellationToken ct)
    {
        if (engine is not ModelEngine model)
        {
            throw new RefusedException(PromptRefusals.NoModel());
        }

        var draft = ActivePrompt.From(await VersionAsync(run.DraftNumber, ct), llm);
        var active = ActivePrompt.From(await VersionAsync(run.ActiveNumber, ct), llm);
        var letters = await gold.DrawAsync(run.GoldSize, run.Seed, ct);
        if (letters.Letters.Count == 0)
        {
            throw new InvalidOperationException($"the gold set is empty: no approved decision has its text kept, and {letters.Note ?? "the development set has no letters"}.");
        }

        var rows = new List<ReplayLetter>();
        var draftScored = new List<ScoredLetter>();
        var activeScored = new List<ScoredLetter>();
        foreach (var letter in letters.Letters)
        {
            run.Progress(rows.Count, letters.Letters.Count, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            var label = new LabelRow(letter.Source, 0, letter.Expected);
            var (draftFields, draftAnswer) = await AnswerAsync(model, letter, draft, ct);
            var (activeFields, activeAnswer) = await AnswerAsync(model, letter, active, ct);
            var byDraft = new ScoredLetter(label, draftFields);
            var byActive = new ScoredLetter(label, activeFields);
            draftScored.Add(byDraft);
            activeScored.Add(byActive);
            rows.Add(new ReplayLetter(letter.Source, letter.Origin, letter.LetterType, draftAnswer, activeAnswer, [.. GoldLetter.Fields.Select(field =>
            {
                var (d, a) = (byDraft.Outcome(field), byActive.Outcome(field));
                return new ReplayField(field, d.Expected, d.Proposed, a.Proposed, d.Exact, a.Exact);
            })]));
        }

        run.Progress(rows.Count, letters.Letters.Count, clock.GetUtcNow());
        return new ReplayResult(
            VersionReplay.From(ReplayScores.From(run.DraftNumber, Scorecard.Score(GoldLetter.Fields, draftScored)), [.. rows.Select(r => r.Draft)]),
            VersionReplay.From(ReplayScores.From(run.ActiveNumber, Scorecard.Score(GoldLetter.Fields, activeScored)), [.. rows.Select(r => r.Active)]),
            letters.Decisions, letters.Development, letters.Note, rows);
    }

    private async Task<PromptVersion> VersionAsync(int number, CancellationToken ct) =>
        await db.PromptVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, ct)
        ?? throw new RefusedException(PromptRefusals.UnknownVersion(number));

    /// <summary>What the version proposed for the letter, and what the answer cost as recorded with it (a cached answer's too).</summary>
    private async Task<(Dictionary<string, string?> Fields, ReplayAnswer Answer)> AnswerAsync(ModelEngine model, GoldLetter letter, ActivePrompt prompt, CancellationToken ct)
    {
        var proposal = await model.ProposeAsync(letter.Pages, prompt, ct);
        var fields = proposal.Fields.Named().ToDictionary(f => f.Key, f => f.Value.Value, StringComparer.Ordinal);
        if (proposal.Call is not { CallId: { } callId } use)
        {
            return (fields, new ReplayAnswer(false, false, 0, 0, null, proposal.ManualTriageReason));
        }

        var call = await db.ModelCalls.AsNoTracking().SingleAsync(c => c.Id == callId, ct);
        return (fields, new ReplayAnswer(true, use.Cached, call.PromptTokens, call.CompletionTokens, call.DurationMs, proposal.ManualTriageReason));
    }
}
