using System.Diagnostics;
using KpuTriage.Benchmarks.Hosts;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KpuTriage.Benchmarks.Faults;

/// <summary>
/// An office as production runs it, every part its own OS process: a PostgreSQL cluster of its
/// own (so it may be stopped), a vhost on the test RabbitMQ node, one Web host (intake and
/// review) and two Worker hosts (extract, OCR and propose), each with a data folder of its own;
/// they share only the database, the broker and the ledger key.
/// </summary>
internal sealed class FaultOffice : IAsyncDisposable
{
    public const string ApiKey = "faults-integration-key-0123456789";
    public const string AdminPassword = "faults-admin-password-0123";

    private readonly TempDirectory folder;
    private readonly PrivatePostgres postgres;
    private readonly PostgresDatabase database;
    private readonly RabbitVhost vhost;
    private readonly StreamWriter log;

    private FaultOffice(TempDirectory folder, PrivatePostgres postgres, PostgresDatabase database, RabbitVhost vhost, string logPath)
    {
        this.folder = folder;
        this.postgres = postgres;
        this.database = database;
        this.vhost = vhost;
        LogPath = logPath;
        log = new StreamWriter(logPath) { AutoFlush = true };
    }

    public HostProcess Web { get; private set; } = null!;
    public HostProcess[] Workers { get; private set; } = [];
    public Uri RabbitMq => vhost.Uri;
    public PrivatePostgres Postgres => postgres;

    /// <summary>Every host's output, so the console keeps only the harness's own lines.</summary>
    public string LogPath { get; }

    public static async Task<FaultOffice> StartAsync()
    {
        var folder = new TempDirectory();
        var postgres = await PrivatePostgres.StartAsync();
        var database = await PostgresDatabase.CreateAsync(postgres.ConnectionString);
        var vhost = await RabbitVhost.CreateAsync();
        var office = new FaultOffice(folder, postgres, database, vhost, Path.Combine(Path.GetTempPath(), $"kputriage-faults-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log"));
        // The Web host first: it sets the database up; the workers then find it ready.
        office.Web = await HostProcess.StartWebAsync(office.Settings("web", ("Pipeline:Stages", "intake,review")), "web", office.log);
        office.Workers = await Task.WhenAll(Enumerable.Range(1, 2).Select(n =>
            HostProcess.StartWorkerAsync(office.Settings($"worker-{n}", ("Pipeline:Stages", "extract,propose")), $"worker-{n}", office.log)));
        return office;
    }

    private Dictionary<string, string> Settings(string name, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["KPUTRIAGE_DATA_DIR"] = Path.Combine(folder.Path, name),
            ["KPUTRIAGE_API_KEY"] = ApiKey,
            ["KPUTRIAGE_ADMIN_PASSWORD"] = AdminPassword,
            ["Storage:Provider"] = "postgres",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Transport:Kind"] = "rabbitmq",
            ["Transport:RabbitMqUri"] = vhost.Uri.ToString(),
            ["Ledger:KeyPath"] = Path.Combine(folder.Path, "secrets", "office-key.pem"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The harness's own look at the records; it waits out a database outage like the hosts do.</summary>
    public async Task<T> QueryAsync<T>(Func<TriageDb, Task<T>> query)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var db = new PostgresTriageDb(new DbContextOptionsBuilder<PostgresTriageDb>().UseNpgsql(database.ConnectionString).Options);
                return await query(db);
            }
            catch (Exception e) when (TransientFault.Is(e) && attempt < 120)
            {
                // Connections of before a restart are dead: open new ones.
                NpgsqlConnection.ClearAllPools();
                await Task.Delay(500);
            }
        }
    }

    /// <summary><c>kputriage ledger verify</c> against the office's database, as an admin runs it: true when intact.</summary>
    public async Task<(bool Intact, string Output)> VerifyLedgerAsync()
    {
        var cli = Path.Combine(HostProcess.RepositoryRoot(), "src", "KpuTriage.Cli", "bin", "Release", "net10.0", "kputriage.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "ledger", "verify" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in Settings("cli"))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode == 0, (await output + await error).Trim());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Workers.Append(Web).Where(h => h is not null))
        {
            await host.DisposeAsync();
        }

        await vhost.DisposeAsync();
        await database.DisposeAsync();
        await postgres.DisposeAsync();
        await log.DisposeAsync();
        folder.Dispose();
    }
}
