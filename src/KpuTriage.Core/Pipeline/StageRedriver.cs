using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Review;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// Drives on what a crash or a broker outage left unfinished: republishes hand-offs still
/// pending, and sends documents that made no progress for <see cref="PipelineOptions.StuckAfter"/>
/// to a clerk. With the in-memory transport, queued messages die with the process, so on start
/// every unfinished document is driven on again.
/// </summary>
public sealed class StageRedriver(
    IServiceScopeFactory scopes, IOptions<PipelineOptions> pipeline, IOptions<TransportOptions> transport,
    TimeProvider clock, ILogger<StageRedriver> log) : BackgroundService
{
    /// <summary>The statuses whose event the redriver publishes again (see <see cref="StageEvents"/>).</summary>
    private static readonly DocumentStatus[] Announced =
        [DocumentStatus.Received, DocumentStatus.AwaitingOcr, DocumentStatus.Extracted, DocumentStatus.Proposed, DocumentStatus.Committed];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var startup = true;
        using var timer = new PeriodicTimer(pipeline.Value.RedriveInterval, clock);
        do
        {
            try
            {
                await RedriveAsync(startup, stoppingToken);
                startup = false;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Redrive pass failed; trying again in {Interval}", pipeline.Value.RedriveInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RedriveAsync(bool startup, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
        var handoff = scope.ServiceProvider.GetRequiredService<Handoff>();
        var now = clock.GetUtcNow();
        if (startup && !transport.Value.IsRabbitMq)
        {
            await db.Documents.Where(d => ManualTriage.Unfinished.Contains(d.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.PublishPending, true), ct);
        }

        // Per stage, oldest first, at most RedriveBatch each: a backlog one stage cannot clear
        // (its queue unbound, its consumers away) never starves another stage's hand-offs.
        var cutoff = startup ? now : now - pipeline.Value.RedriveAfter;
        var redriven = 0;
        foreach (var status in Announced)
        {
            var pending = await db.Documents.AsNoTracking()
                .Where(d => d.Status == status && d.PublishPending && d.UpdatedAt <= cutoff)
                .OrderBy(d => d.UpdatedAt).Take(pipeline.Value.RedriveBatch).ToListAsync(ct);
            foreach (var document in pending)
            {
                if (await StageEvents.ForAsync(db, document, ct) is not { } message)
                {
                    continue;
                }

                if (!await handoff.PublishAsync(document, message, ct))
                {
                    // The broker is away or nobody takes this stage's event: the rest of the
                    // batch would fail alike, each after PublishTimeout. The next pass tries again.
                    break;
                }

                redriven++;
            }
        }

        if (redriven > 0)
        {
            log.LogInformation("Redrove {Count} unfinished hand-offs", redriven);
        }

        await RouteStuckAsync(db, now, ct);
    }

    private async Task RouteStuckAsync(TriageDb db, DateTimeOffset now, CancellationToken ct)
    {
        var stuckBefore = now - pipeline.Value.StuckAfter;
        var stuck = await db.Documents
            .Where(d => ManualTriage.Unfinished.Contains(d.Status) && d.UpdatedAt < stuckBefore)
            .OrderBy(d => d.UpdatedAt).Take(pipeline.Value.RedriveBatch).ToListAsync(ct);
        foreach (var document in stuck)
        {
            var reason = $"no progress since {document.UpdatedAt:u} while {document.Status.ToWire()}; the pipeline may be down";
            await ManualTriage.RouteAsync(db, document, reason, null, now, ct);
            log.LogWarning("Document {DocumentId} sent to manual triage: {Reason}", document.Id, reason);
        }

        await db.SaveWinningAsync(ct);
    }
}
