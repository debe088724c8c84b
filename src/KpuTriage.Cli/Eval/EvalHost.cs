using KpuTriage.Core.Hosting;
using KpuTriage.Core.People;
using Microsoft.Extensions.Hosting;

namespace KpuTriage.Cli.Eval;

/// <summary>
/// A throw-away desk in this process, composed by <see cref="KpuTriageServices.AddKpuTriage"/>
/// exactly as the product is, so the scores are the product's. Only what makes it private is
/// set: its own data folder, SQLite, the in-memory transport, every stage, no watched folder,
/// quiet logging on standard error, and first-run secrets nobody needs to see.
/// </summary>
public static class EvalHost
{
    /// <param name="overrides">Further settings, applied last (tests use them to break the pipeline on purpose).</param>
    public static async Task<IHost> StartAsync(string dataDirectory, string promptsDirectory, IReadOnlyDictionary<string, string>? overrides, CancellationToken ct)
    {
        var settings = new Dictionary<string, string>
        {
            [DataDirectory.Variable] = dataDirectory,
            [FirstRunSetup.AdminPasswordVariable] = AccountService.NewSecret(),
            [FirstRunSetup.ApiKeyVariable] = AccountService.NewSecret(),
            ["Storage:Provider"] = "sqlite",
            ["Transport:Kind"] = "in-memory",
            ["Pipeline:Stages"] = "intake,extract,propose,review",
            ["Intake:WatchFolder"] = string.Empty,
            // A throw-away desk: nothing to sign, and no office key made in its temporary folder.
            ["Ledger:CheckpointInterval"] = "00:00:00",
            ["Prompts:Directory"] = promptsDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        // Command-line settings outrank environment variables and appsettings.json, so an
        // office's production settings in the environment cannot leak into the run.
        var builder = Host.CreateApplicationBuilder([.. settings.Select(s => $"--{s.Key}={s.Value}")]);
        builder.AddKpuTriage();
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
