using System.Net;
using System.Text.RegularExpressions;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Messaging;

/// <summary>
/// While hand-offs cannot be published the log says so once per cause, then counts: a warning
/// with a stack trace for every failed publish and every redrive wrote 80–100 MB of log per
/// host in half an hour of outage. Here the broker returns every hand-off (no worker ever bound
/// the next stage's queue), which fails each letter's publish and each redrive pass.
/// </summary>
public sealed partial class OutageLogSpecs : IAsyncLifetime
{
    private const int Letters = 20;

    private readonly TempDirectory data = new();
    private RabbitVhost vhost = null!;

    public async Task InitializeAsync() => vhost = await RabbitVhost.CreateAsync();

    public async Task DisposeAsync()
    {
        await vhost.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_log_each_cause_once_and_then_counts_when_every_hand_off_fails()
    {
        var settings = new DeskSettings
        {
            DataDirectory = Path.Combine(data.Path, "web"),
            RabbitMq = vhost.Uri,
            Stages = "review",
            Extra = new Dictionary<string, string>
            {
                ["Pipeline:OutageLogInterval"] = "00:00:03",
                ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
            },
        };
        var traces = Directory.CreateDirectory(Path.Combine(data.Path, "trace")).FullName;
        await using var web = TracedHost.Start("web", "KpuTriage.Web", traces, [.. settings.ToArgs(), "--Urls=http://127.0.0.1:0"]);
        var address = (await web.WaitForOutputAsync(ListeningOn(), TimeSpan.FromMinutes(2))).Groups["address"].Value;
        using var integration = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        integration.DefaultRequestHeaders.Add("X-Api-Key", DeskSettings.ApiKey);

        for (var i = 0; i < Letters; i++)
        {
            using var response = await Desk.SubmitAsync(integration, $"surat-{i}.txt", Infrastructure.Letters.UndanganBytes(i));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        // Some redrive passes (every second in tests) and at least two counting intervals.
        await web.WaitForOutputAsync(Counted(), TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromSeconds(7));
        var log = web.Output;

        var failures = FailedPublish().Count(log);
        var counted = Counted().Matches(log).Sum(m => int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(failures == 1, $"the cause was logged {failures} times, not once:\n{log}");
        // MassTransit logged each failed send again: with its stack trace under
        // "MassTransit.SendTransport", and as one S-FAULT line under "MassTransit".
        Assert.DoesNotContain("MassTransit.SendTransport", log, StringComparison.Ordinal);
        Assert.True(!log.Contains("S-FAULT", StringComparison.Ordinal), $"MassTransit logged failed sends one by one:\n{log}");
        Assert.True(counted >= Letters - 1, $"the counting lines add up to {counted} failed hand-offs, not the {Letters - 1} letters after the first:\n{log}");
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"Could not publish \w+ for document")]
    private static partial Regex FailedPublish();

    [GeneratedRegex(@"Could not publish (?<count>\d+) \w+ events in the last")]
    private static partial Regex Counted();
}
