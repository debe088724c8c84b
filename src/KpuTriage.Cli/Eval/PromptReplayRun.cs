using System.Text.Json;
using KpuTriage.Cli.Users;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Refusals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace KpuTriage.Cli.Eval;

/// <summary>
/// <c>kputriage eval --prompt-version N</c>: asks the office database for a replay of version N
/// against the active version, as the person at the command line, runs it in this process (or
/// waits for the worker that claimed it first) and prints what the desk shows for the same run.
/// Exit 0 when it finished, 1 when it failed, 2 when it was refused.
/// </summary>
public static class PromptReplayRun
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(int version, int goldSize, string? settings, string? jsonPath, CancellationToken ct)
    {
        IHost host;
        try
        {
            host = await OfficeHost.OpenAsync(settings, ct, engine: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException or IOException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync(CliText.Get("replay-cannot-run", e.Message));
            return 1;
        }

        try
        {
            var run = await ReplayAsync(host, version, goldSize, ct);
            if (run is null)
            {
                return 2;
            }

            if (run.Result() is not { } result)
            {
                await Console.Error.WriteLineAsync(CliText.Get("replay-failed", run.Id, run.Failure ?? run.State.ToString()));
                return 1;
            }

            ReplayPrinter.Print(AnsiConsole.Console, run, result);
            if (jsonPath is not null)
            {
                await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(result, Json), ct);
                AnsiConsole.WriteLine(CliText.Get("json-written", Path.GetFullPath(jsonPath)));
            }

            return 0;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }
    }

    /// <returns>The run once finished or failed; null when the request was refused (the reason is printed).</returns>
    private static async Task<ReplayRun?> ReplayAsync(IHost host, int version, int goldSize, CancellationToken ct)
    {
        ReplayRun run;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var replays = scope.ServiceProvider.GetRequiredService<PromptReplays>();
            try
            {
                run = await replays.RequestAsync(version, goldSize, UsersCommand.Actor, ct);
            }
            catch (RefusedException e)
            {
                await Console.Error.WriteLineAsync(CliText.Get("replay-refused", e.Refusal.Text(indonesian: !CliText.English)));
                return null;
            }

            AnsiConsole.WriteLine(CliText.Get("replay-running", run.DraftNumber, run.ActiveNumber, run.Id));
            await replays.RunAsync(run.Id, ct);
        }

        // A desk's worker may have claimed the run first: its result lands in the same row.
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<PromptReplays>().FindAsync(run.Id, ct)
                ?? throw new InvalidOperationException($"replay run {run.Id} disappeared from the database.");
            if (stored.State is ReplayRunState.Finished or ReplayRunState.Failed)
            {
                return stored;
            }

            await Task.Delay(Poll, ct);
        }
    }
}
