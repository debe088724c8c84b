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
        }
        finally
        {
            // Also when the host stops during the first training: letters waiting for the model
            // would otherwise wait for ever, and the bus's stop with them (a host stopped while
            // training never exited). A model in use already makes this do nothing.
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
            Use(newer, LetterClassifier.Load(newer.Content));
        }

        if (!await training.IsDueAsync(current.Model, ct))
        {
            return;
        }

        // Hosts that find a model due at the same moment (every worker on a fresh database)
        // train one at a time; the ones that waited use what the first one made.
        var (model, classifier, trained) = await training.TrainOnceAsync(current.Model?.Id, firstTime ? "start-up" : "schedule", ct);
        if (!trained)
        {
            Use(model, classifier);
            return;
        }

        current.Use(model, classifier);
        log.LogInformation(
            "Trained classifier {Model} on {Seed} seed + {Approved} approved examples in {Seconds:0.0} s.",
            model.Label, model.SeedExamples, model.ApprovedExamples, model.TrainingTime.TotalSeconds);
    }

    private void Use(ClassifierModel model, LetterClassifier classifier)
    {
        current.Use(model, classifier);
        log.LogInformation("Using classifier {Model} ({Seed} seed + {Approved} approved examples).", model.Label, model.SeedExamples, model.ApprovedExamples);
    }
}
