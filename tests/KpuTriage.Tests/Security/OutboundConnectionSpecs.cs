using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KpuTriage.Core.Llm;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Llm;
using Npgsql;

namespace KpuTriage.Tests.Security;

/// <summary>
/// Nothing leaves the building: the built desk, a worker and the command line, each its own OS
/// process under strace, reach only the broker, the database and the model provider they are
/// configured with (and the command line only the desk), while a letter goes through them all.
/// Every other connect or datagram fails the spec, a DNS query or a name-service lookup included.
/// </summary>
public sealed partial class OutboundConnectionSpecs : IAsyncLifetime
{
    /// <summary>
    /// MassTransit 8.5 posts its usage report this long after the bus starts (its default
    /// UsageTelemetryOptions.ReportDelay), and never at shutdown: the desk and the worker stay
    /// up past it, or the spec would not see the report it exists to catch.
    /// </summary>
    private static readonly TimeSpan MassTransitReportDelay = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(3);

    private readonly TempDirectory data = new();
    private readonly TempDirectory traces = new();
    private readonly TempDirectory letters = new();
    private readonly List<TracedHost> hosts = [];
    private RabbitVhost vhost = null!;
    private PostgresDatabase database = null!;
    private FakeOpenAi model = null!;

    public async Task InitializeAsync()
    {
        vhost = await RabbitVhost.CreateAsync();
        database = await PostgresDatabase.CreateAsync();
        model = await FakeOpenAi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        await model.DisposeAsync();
        await database.DisposeAsync();
        await vhost.DisposeAsync();
        data.Dispose();
        traces.Dispose();
        letters.Dispose();
    }

    [Fact]
    public async Task Should_reach_only_the_broker_the_database_and_the_model_when_every_host_runs_past_the_usage_report()
    {
        var broker = vhost.Uri.Port;
        var postgres = new NpgsqlConnectionStringBuilder(database.ConnectionString).Port;
        var provider = model.Address.Port;

        // Scaled out as an office runs it: the desk takes letters in and shows them, the worker reads and proposes.
        var web = Start("web", "KpuTriage.Web", [.. Settings("intake,review"), "--Urls=http://127.0.0.1:0"]);
        var desk = new Uri((await web.WaitForOutputAsync(ListeningOn(), Startup)).Groups["url"].Value);
        var webStarted = DateTime.UtcNow;
        var worker = Start("worker", "KpuTriage.Worker", Settings("extract,propose"));
        await worker.WaitForOutputAsync(Started(), Startup);
        var workerStarted = DateTime.UtcNow;

        var letter = Path.Combine(letters.Path, "undangan.txt");
        await File.WriteAllBytesAsync(letter, Letters.UndanganBytes(41));
        var submit = Start("cli-submit", "KpuTriage.Cli", ["submit", letter, "--url", desk.ToString(), "--api-key", DeskSettings.ApiKey]);
        Assert.Equal(0, await submit.WaitForExitAsync(Startup));
        var id = Guid.Parse(DocumentId().Match(submit.Output).Value);
        var users = Start("cli-users", "KpuTriage.Cli", ["users", "list"], new Dictionary<string, string?>
        {
            ["KPUTRIAGE_DATA_DIR"] = data.Path,
            ["Storage__Provider"] = "postgres",
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
        });
        Assert.Equal(0, await users.WaitForExitAsync(Startup));
        var eval = await EvalAsync();

        using var integration = new HttpClient { BaseAddress = desk };
        integration.DefaultRequestHeaders.Add("X-Api-Key", DeskSettings.ApiKey);
        Assert.True(
            await Eventually.TrueAsync(async () => await StatusAsync(integration, id) == "in_review", TimeSpan.FromMinutes(2)),
            $"the letter did not reach the inbox:\n{web.Output}\n{worker.Output}");
        Assert.NotEmpty(model.Requests);

        var last = (webStarted > workerStarted ? webStarted : workerStarted) + MassTransitReportDelay + Margin;
        if (last > DateTime.UtcNow)
        {
            await Task.Delay(last - DateTime.UtcNow);
        }

        await web.StopAsync(TimeSpan.FromMinutes(1));
        await worker.StopAsync(TimeSpan.FromMinutes(1));

        var report = new StringBuilder();
        Check(web, [broker, postgres], [broker, postgres], report);
        Check(worker, [broker, postgres, provider], [broker, postgres, provider], report);
        Check(submit, [desk.Port], [desk.Port], report);
        Check(users, [postgres], [postgres], report);
        Check(eval, [], [], report);
        Assert.True(report.Length == 0, report.ToString());
    }

    private static async Task<string?> StatusAsync(HttpClient integration, Guid id) =>
        (await integration.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}")).GetProperty("status").GetString();

    /// <summary>kputriage eval: a throw-away desk with the whole pipeline in the command line's own process.</summary>
    private async Task<TracedHost> EvalAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(letters.Path, "eval")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "01-undangan.txt"), Letters.UndanganBytes(42));
        await File.WriteAllTextAsync(Path.Combine(folder, "labels.tsv"), "file\tletterNumber\n01-undangan\t42/PL.02.1-Und/32/2025\n");
        var eval = Start("cli-eval", "KpuTriage.Cli", ["eval", folder]);
        Assert.Equal(0, await eval.WaitForExitAsync(TimeSpan.FromMinutes(5)));
        return eval;
    }

    private TracedHost Start(string name, string project, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var host = TracedHost.Start(name, project, traces.Path, args, environment);
        hosts.Add(host);
        return host;
    }

    private string[] Settings(string stages) =>
    [
        .. new DeskSettings
        {
            DataDirectory = data.Path,
            PostgresConnectionString = database.ConnectionString,
            RabbitMq = vhost.Uri,
            Stages = stages,
            Extra = LlmDesk.Merge(
                LlmDesk.Provider("kantor", model, ProviderLocations.OnPremises),
                new() { ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information" }),
        }.ToArgs(),
    ];

    /// <param name="allowed">Ports on this machine the host may reach.</param>
    /// <param name="expected">Ports it must have reached: proof that the trace saw the host at work.</param>
    private static void Check(TracedHost host, int[] allowed, int[] expected, StringBuilder report)
    {
        var attempts = OutboundAttempt.Read(host.TracePath);
        var ports = allowed.ToHashSet();
        foreach (var attempt in attempts.Where(a => !a.StaysAt(ports)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{host.Name}: {attempt.Line}");
        }

        foreach (var port in expected.Where(p => !attempts.Any(a => a.Address is not null && a.Port == p)))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"{host.Name}: no connection to 127.0.0.1:{port} was traced");
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex("Application started")]
    private static partial Regex Started();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex DocumentId();
}
