using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Ledger;

/// <summary>Every Ledger:CheckpointInterval: sign the head if it moved, then publish what the broker has not confirmed.</summary>
public sealed class CheckpointSchedule(IServiceScopeFactory scopes, IOptions<LedgerOptions> options, OfficeKey key, ILogger<CheckpointSchedule> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolving the key made it on a first start; say where it is and what signs.
        log.LogInformation("Ledger checkpoints: office {Office}, key {KeyId} at {KeyPath}, every {Interval}, published to {Target}",
            options.Value.OfficeId, key.KeyId, key.Path, options.Value.CheckpointInterval,
            options.Value.RabbitMqUri is null ? "nowhere (no RabbitMQ configured: set Ledger:RabbitMqUri)" : LedgerOptions.CheckpointExchange);
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var signer = scope.ServiceProvider.GetRequiredService<CheckpointSigner>();
                await signer.SignHeadAsync(stoppingToken);
                await signer.PublishPendingAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The checkpoint stays pending (or the head unsigned); the next tick tries again.
                log.LogWarning(e, "Could not sign or publish a ledger checkpoint; trying again in {Interval}", options.Value.CheckpointInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
