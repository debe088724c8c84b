using System.CommandLine;
using System.Text.Json;
using KpuTriage.Core.Evaluation;
using Spectre.Console;

namespace KpuTriage.Cli.Eval;

/// <summary>
/// <c>kputriage eval &lt;folder&gt;</c>: runs the real pipeline on a labelled folder in a
/// throw-away desk and prints how often each field came out right. Exit 0 when it ran (the
/// scores are numbers, not a verdict), 1 when the pipeline did not finish, 2 for bad input.
/// With <c>--prompt-version N</c> instead of a folder, replays a stored prompt version against
/// the office's active one (<see cref="PromptReplayRun"/>).
/// </summary>
public static class EvalCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build()
    {
        var folder = new Argument<string?>("folder") { Description = CliText.Get("eval-folder"), Arity = ArgumentArity.ZeroOrOne };
        var labels = new Option<string?>("--labels") { Description = CliText.Get("eval-labels") };
        var byRendering = new Option<bool>("--by-rendering") { Description = CliText.Get("eval-by-rendering") };
        var json = new Option<string?>("--json") { Description = CliText.Get("eval-json") };
        var dataDir = new Option<string?>("--data-dir") { Description = CliText.Get("eval-data-dir") };
        var prompts = new Option<string?>("--prompts") { Description = CliText.Get("eval-prompts") };
        var promptVersion = new Option<int?>("--prompt-version") { Description = CliText.Get("eval-prompt-version") };
        var goldSize = new Option<int>("--gold-size") { Description = CliText.Get("eval-gold-size"), DefaultValueFactory = _ => 50 };
        var settings = new Option<string?>("--settings") { Description = CliText.Get("settings-file") };
        var command = new Command("eval", CliText.Get("eval")) { folder, labels, byRendering, json, dataDir, prompts, promptVersion, goldSize, settings };
        command.SetAction(async (parse, ct) =>
        {
            var version = parse.GetValue(promptVersion);
            if ((parse.GetValue(folder) is null) == (version is null))
            {
                await Console.Error.WriteLineAsync(CliText.Get(version is null ? "eval-need-input" : "eval-both-inputs"));
                return 2;
            }

            if (version is { } number)
            {
                return await PromptReplayRun.RunAsync(number, parse.GetValue(goldSize), parse.GetValue(settings), parse.GetValue(json), ct);
            }

            var input = EvalInput.Read(parse.GetValue(folder)!, parse.GetValue(labels), parse.GetValue(dataDir), parse.GetValue(prompts), parse.GetValue(json), out var error);
            if (input is null)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }

            var run = await RunAsync(input, ct);
            if (run is null)
            {
                return 1;
            }

            var report = EvaluationReport.Build(input.Labels, run.Documents, run.Refused, run.WallClock);
            ReportPrinter.Print(AnsiConsole.Console, report, parse.GetValue(byRendering));
            if (parse.GetValue(json) is { } jsonPath)
            {
                await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, Json), ct);
                AnsiConsole.WriteLine(CliText.Get("json-written", Path.GetFullPath(jsonPath)));
            }

            if (input.DataDirectory is not null)
            {
                AnsiConsole.WriteLine(CliText.Get("data-kept", input.DataDirectory));
            }

            return 0;
        });
        return command;
    }

    private static async Task<PipelineResult?> RunAsync(EvalInput input, CancellationToken ct)
    {
        PipelineResult result;
        try
        {
            result = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask(CliText.Get("eval-progress", input.Files.Count), maxValue: input.Files.Count);
                    return await PipelineRun.RunAsync(input, done => task.Increment(done), PipelineRun.DefaultTimeout(input.Files.Count), null, ct);
                });
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or IOException)
        {
            await Console.Error.WriteLineAsync(CliText.Get("eval-failed", e.Message));
            return null;
        }

        if (result.Unfinished.Count > 0)
        {
            var stuck = string.Join(", ", result.Unfinished.Select(u => $"{u.File} ({u.Status})"));
            await Console.Error.WriteLineAsync(CliText.Get("stuck", result.Timeout, stuck));
            return null;
        }

        return result;
    }
}
