using System.Diagnostics;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// Runs the draft in shadow beside the active version: every letter a model proposed for since
/// the shadow started is proposed again under the draft, with the same routing, masking and
/// restricted-letter rule, and stored as a <see cref="ShadowProposal"/>. It works behind the
/// live pipeline, a few letters per round, so a slow draft never delays a clerk's inbox.
/// </summary>
public sealed class ShadowRunner(
    IServiceScopeFactory scopes, ModelEngine engine, LlmOptions llm, IOptions<PromptOptions> options, TimeProvider clock, ILogger<ShadowRunner> log) : BackgroundService
{
    private ActivePrompt? draft;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ShadowInterval, clock);
        do
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The shadow run failed; it tries again in {Interval}", options.Value.ShadowInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <returns>How many letters were proposed in shadow this round.</returns>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
        var shadow = await db.PromptVersions.AsNoTracking()
            .Where(v => v.State == PromptVersionState.Draft && v.ShadowSince != null)
            .Select(v => new { v.Number, v.ShadowSince })
            .FirstOrDefaultAsync(ct);
        if (shadow is null)
        {
            return 0;
        }

        var (number, since) = (shadow.Number, shadow.ShadowSince!.Value);
        if (draft?.Number != number)
        {
            // Versions are immutable: built once per draft, not per round.
            draft = ActivePrompt.From(await db.PromptVersions.AsNoTracking().SingleAsync(v => v.Number == number, ct), llm);
        }

        var due = await db.Proposals.AsNoTracking()
            .Where(p => p.Provider != null && p.CreatedAt >= since)
            .Where(p => !db.ShadowProposals.Any(s => s.DocumentId == p.DocumentId && s.VersionNumber == number))
            .OrderBy(p => p.CreatedAt)
            .Select(p => p.DocumentId)
            .Take(options.Value.ShadowBatch)
            .ToListAsync(ct);
        var done = 0;
        foreach (var documentId in due.Distinct())
        {
            if (!await ProposeAsync(db, documentId, draft, ct))
            {
                break;
            }

            done++;
        }

        return done;
    }

    /// <returns>False when the provider is away: the round ends, and the letter is tried again later.</returns>
    private async Task<bool> ProposeAsync(TriageDb db, Guid documentId, ActivePrompt prompt, CancellationToken ct)
    {
        var text = await db.DocumentTexts.AsNoTracking().FirstAsync(t => t.DocumentId == documentId, ct);
        var took = Stopwatch.StartNew();
        ShadowProposal shadow;
        try
        {
            var answer = await engine.ProposeAsync(text.Pages(), prompt, ct);
            shadow = ShadowProposal.From(documentId, prompt.Number, answer, took.Elapsed, clock.GetUtcNow());
        }
        catch (ProviderUnavailableException e)
        {
            log.LogInformation("The shadow run of prompt version {Version} waits for the model: {Reason}", prompt.Number, e.Message);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stored as the draft's failure on this letter, so one bad letter does not stop the shadow run.
            log.LogWarning(e, "Prompt version {Version} could not propose in shadow for document {DocumentId}", prompt.Number, documentId);
            var failed = new EngineProposal(new LetterFields(), "shadow", "", prompt.Prompts.Version, [], $"shadow run failed: {e.Message}");
            shadow = ShadowProposal.From(documentId, prompt.Number, failed, took.Elapsed, clock.GetUtcNow());
        }

        db.ShadowProposals.Add(shadow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another process proposed it in shadow at the same time.
            db.ChangeTracker.Clear();
        }

        return true;
    }
}
