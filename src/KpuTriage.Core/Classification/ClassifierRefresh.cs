using KpuTriage.Core.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Classification;

/// <summary>
/// Keeps <see cref="CurrentClassifier"/> fresh in every process that proposes: at start it
/// loads the newest model or trains one; then it picks up newer models (trained elsewhere or
/// by the command) every ReloadInterval, and retrains when clerks approved letters since the
/// model and RetrainInterval has passed.
/// </summary>
public sealed class ClassifierRefresh(
    IServiceScopeFactory scopes, CurrentClassifier current, IOptions<ClassifierOptions> options, TimeProvider clock, ILogger<ClassifierRefresh> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await RefreshAsync(firstTime: true, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "The local classifier could not be loaded or trained; letters are proposed by the parser alone until it can.");
            current.GiveUp();
        }

        using var timer = new PeriodicTimer(options.Value.ReloadInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RefreshAsync(firstTime: false, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Refreshing the local classifier failed; the current model stays in use.");
            }
        }
    }

    private async Task RefreshAsync(bool firstTime, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var training = scope.ServiceProvider.GetRequiredService<ClassifierTraining>();
        var newer = await training.LatestAsync(current.Model?.Id, ct);
        if (newer is not null)
        {
            current.Use(newer, LetterClassifier.Load(newer.Content));
            log.LogInformation("Using classifier {Model} ({Seed} seed + {Approved} approved examples).", newer.Label, newer.SeedExamples, newer.ApprovedExamples);
        }

        var model = current.Model;
        var due = model is null
            || (clock.GetUtcNow() - model.TrainedAt >= options.Value.RetrainInterval && await training.HasNewDecisionsAsync(model, ct));
        if (!due)
        {
            return;
        }

        var (trained, classifier) = await training.TrainAsync(firstTime ? "start-up" : "schedule", ct);
        current.Use(trained, classifier);
        log.LogInformation(
            "Trained classifier {Model} on {Seed} seed + {Approved} approved examples in {Seconds:0.0} s.",
            trained.Label, trained.SeedExamples, trained.ApprovedExamples, trained.TrainingTime.TotalSeconds);
    }
}
