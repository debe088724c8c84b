using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// Runs queued replays in a process that proposes (it has the engine and the model's limits).
/// Any number of processes may run it: each run is claimed by one conditional update, so a run
/// is run once. Every Prompts:ReplayPollInterval it runs what is queued, oldest first, after
/// marking failed the runs a stopped process left running (Prompts:ReplayStallAfter).
/// </summary>
public sealed class ReplayWorker(IServiceScopeFactory scopes, IOptions<PromptOptions> options, TimeProvider clock, ILogger<ReplayWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReplayPollInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunQueuedAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Looking for queued replay runs failed; trying again in {Interval}.", options.Value.ReplayPollInterval);
            }
        }
    }

    private async Task RunQueuedAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var stalled = await scope.ServiceProvider.GetRequiredService<PromptReplays>().FailStalledAsync(options.Value.ReplayStallAfter, ct);
            if (stalled > 0)
            {
                log.LogWarning("{Count} replay run(s) had no progress for {Silence}: marked failed.", stalled, options.Value.ReplayStallAfter);
            }
        }

        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var replays = scope.ServiceProvider.GetRequiredService<PromptReplays>();
            if (await replays.NextQueuedAsync(ct) is not { } id)
            {
                return;
            }

            // Losing the claim to another process is fine: the loop asks for the next one.
            await replays.RunAsync(id, ct);
        }
    }
}
