using KpuTriage.Core.Classification;
using KpuTriage.Core.Hosting;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Cli;

/// <summary>
/// The office's data, for administration commands run on the server: configured exactly as
/// the desk and the workers are (environment variables such as KPUTRIAGE_DATA_DIR,
/// Storage__Provider and ConnectionStrings__Postgres), plus an optional settings file such
/// as the desk's appsettings.json. No pipeline, no bus: only the database and the prompts.
/// </summary>
internal static class OfficeHost
{
    /// <param name="engine">
    /// Also the engine that proposes (extraction, parser, classifier, language models), for a
    /// replay run in this process; the host is then started, so the classifier loads.
    /// </param>
    /// <exception cref="InvalidOperationException">The settings or the database cannot be used; the message says what to do.</exception>
    public static async Task<IHost> OpenAsync(string? settingsFile, CancellationToken ct, bool engine = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        if (settingsFile is not null)
        {
            if (!File.Exists(settingsFile))
            {
                throw new InvalidOperationException(CliText.Get("not-found", settingsFile));
            }

            builder.Configuration.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddKpuTriageData();
        if (engine)
        {
            builder.AddKpuTriageEngine();
            builder.Services.AddHostedService<ClassifierRefresh>();
        }

        var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            host.Dispose();
            // Upgrading the schema is the services' job at start; a command must not race them.
            throw new InvalidOperationException(CliText.Get("database-not-ready", string.Join(", ", pending)));
        }

        if (engine)
        {
            await host.StartAsync(ct);
        }

        return host;
    }
}
