using System.CommandLine;
using KpuTriage.Core.Classification;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace KpuTriage.Cli.Classifier;

/// <summary>
/// <c>kputriage classifier retrain</c>: trains the local classifier now on the seed set and
/// every approved decision, and stores the model; running desks and workers pick it up within
/// Classifier:ReloadInterval. For when an admin changed the seed set or the taxonomy, or does
/// not want to wait for the schedule.
/// </summary>
public static class ClassifierCommand
{
    public static Command Build()
    {
        var settings = new Option<string?>("--settings") { Description = CliText.Get("settings-file") };
        var retrain = new Command("retrain", CliText.Get("classifier-retrain")) { settings };
        retrain.SetAction(async (parse, ct) =>
        {
            try
            {
                using var host = await OfficeHost.OpenAsync(parse.GetValue(settings), ct);
                await using var scope = host.Services.CreateAsyncScope();
                var training = scope.ServiceProvider.GetRequiredService<ClassifierTraining>();
                var (model, _) = await training.TrainAsync("command:" + Environment.UserName, ct);
                AnsiConsole.WriteLine(CliText.Get(
                    "classifier-trained", model.Label, model.SeedExamples, model.ApprovedExamples, model.TrainingTime.TotalSeconds.ToString("0.0", CliText.Culture)));
                return 0;
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FileNotFoundException)
            {
                await Console.Error.WriteLineAsync(CliText.Get("classifier-failed", e.Message));
                return 1;
            }
        });
        return new Command("classifier", CliText.Get("classifier")) { retrain };
    }
}
