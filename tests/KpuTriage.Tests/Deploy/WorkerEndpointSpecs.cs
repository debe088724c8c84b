using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KpuTriage.Core.Intake;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Deploy;

/// <summary>
/// The built worker, its own OS process on PostgreSQL and RabbitMQ as production runs it,
/// answers /health for an orchestrator's probes and /metrics for Prometheus, and counts what
/// each of its stages did with the letters it was given.
/// </summary>
public sealed partial class WorkerEndpointSpecs : IAsyncLifetime
{
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(3);

    private readonly TempDirectory data = new();
    private readonly TempDirectory traces = new();
    private readonly List<TracedHost> hosts = [];
    private RabbitVhost vhost = null!;
    private PostgresDatabase database = null!;

    public async Task InitializeAsync()
    {
        vhost = await RabbitVhost.CreateAsync();
        database = await PostgresDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        await database.DisposeAsync();
        await vhost.DisposeAsync();
        data.Dispose();
        traces.Dispose();
    }

    [Fact]
    public async Task Should_report_ready_and_count_each_stage_when_letters_pass_through_a_worker()
    {
        var worker = Start("worker", "intake,extract,propose,review", "http://127.0.0.1:0");
        var address = new Uri((await worker.WaitForOutputAsync(ListeningOn(), Startup)).Groups["url"].Value);
        await worker.WaitForOutputAsync(Started(), Startup);
        using var http = new HttpClient { BaseAddress = address };

        using (var ready = await http.GetAsync("/health"))
        {
            var body = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
            var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
            Assert.Equal("healthy", checks.GetProperty("database").GetString());
            Assert.Contains(checks.EnumerateObject(), c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && c.Value.GetString() == "healthy");
        }

        using (var live = await http.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        await using var amqp = await RawAmqp.ConnectAsync(vhost.Uri);
        await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, new
        {
            fileName = "undangan.txt",
            contentType = "text/plain",
            content = Convert.ToBase64String(Letters.UndanganBytes(61)),
            externalId = "WORKER-61",
            source = "srikandi",
        });
        await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, new { fileName = "rusak.txt", content = "not base64 at all!" });

        string metrics = "";
        var counted = await Eventually.TrueAsync(
            async () =>
            {
                metrics = await http.GetStringAsync("/metrics");
                return Count(metrics, "review", "completed") == 1 && Count(metrics, "intake", "failed") == 1;
            },
            TimeSpan.FromMinutes(2));
        Assert.True(counted, $"the worker's counters did not show the letter through every stage:\n{metrics}\n{worker.Output}");

        Assert.Equal(2, Count(metrics, "intake", "received"));
        Assert.Equal(1, Count(metrics, "intake", "completed"));
        foreach (var stage in new[] { "extract", "propose", "review" })
        {
            Assert.Equal(1, Count(metrics, stage, "received"));
            Assert.Equal(1, Count(metrics, stage, "completed"));
            Assert.Null(Count(metrics, stage, "failed"));
        }

        Assert.Null(Count(metrics, "intake", "redelivered"));
        Assert.Contains("# TYPE kputriage_stage_letters_total counter", metrics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://kputriage.example:8081")]
    [InlineData("https://127.0.0.1:8081")]
    [InlineData("http://127.0.0.1:8081/metrics")]
    [InlineData("127.0.0.1:8081")]
    public async Task Should_refuse_to_start_and_name_the_key_when_Worker_Listen_is_not_an_address_and_port(string listen)
    {
        var worker = Start("worker-bad-listen", "extract", listen);

        Assert.NotEqual(0, await worker.WaitForExitAsync(Startup));
        Assert.Contains("Worker:Listen", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", worker.Output, StringComparison.Ordinal);
    }

    private static double? Count(string metrics, string stage, string outcome) =>
        PrometheusText.Sample(metrics, "kputriage_stage_letters_total", "stage=" + stage, "outcome=" + outcome);

    private TracedHost Start(string name, string stages, string listen)
    {
        var settings = new DeskSettings
        {
            DataDirectory = data.Path,
            PostgresConnectionString = database.ConnectionString,
            RabbitMq = vhost.Uri,
            Stages = stages,
            Extra = new Dictionary<string, string>
            {
                ["Worker:Listen"] = listen,
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        var host = TracedHost.Start(name, "KpuTriage.Worker", traces.Path, settings.ToArgs());
        hosts.Add(host);
        return host;
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex("Application started")]
    private static partial Regex Started();
}
