using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Deploy;

/// <summary>
/// The production shape started from deploy/systemd/ itself: the web unit and one instance of
/// the worker unit, each its own OS process with the environment the units and the settings
/// file give it (tests/deploy/run-unit.sh reads them, as systemd would where it is PID 1), on
/// PostgreSQL and RabbitMQ. A letter goes in over HTTP, through the worker's stages, to a
/// clerk's decision; then both stop on SIGTERM within the units' TimeoutStopSec.
/// </summary>
public sealed partial class SystemdUnitSpecs : IAsyncLifetime
{
    private static readonly TimeSpan Startup = TimeSpan.FromMinutes(3);
    private static readonly string[] ClerkRoles = ["clerk"];

    private readonly TempDirectory root = new();
    private readonly List<UnitProcess> units = [];
    private RabbitVhost vhost = null!;
    private PostgresDatabase database = null!;

    public async Task InitializeAsync()
    {
        vhost = await RabbitVhost.CreateAsync();
        database = await PostgresDatabase.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var unit in units)
        {
            await unit.DisposeAsync();
        }

        await database.DisposeAsync();
        await vhost.DisposeAsync();
        root.Dispose();
    }

    [Fact]
    public async Task Should_carry_a_letter_to_a_decision_when_web_and_worker_run_from_the_systemd_units()
    {
        Install();
        var keyId = await MakeLedgerKeyAsync();
        var web = Start("kputriage-web.service");
        var desk = new Uri((await web.WaitForOutputAsync(ListeningOn(), Startup)).Groups["url"].Value);
        await web.WaitForOutputAsync(Started(), Startup);
        var worker = Start("kputriage-worker@.service", "1");
        var workerAddress = new Uri((await worker.WaitForOutputAsync(ListeningOn(), Startup)).Groups["url"].Value);
        await worker.WaitForOutputAsync(Started(), Startup);

        using var integration = new HttpClient { BaseAddress = desk };
        integration.DefaultRequestHeaders.Add("X-Api-Key", DeskSettings.ApiKey);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Letters.UndanganBytes(71)), "file", "undangan.txt" } };
        using var submitted = await integration.PostAsync("/api/v1/documents", form);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True(
            await Eventually.TrueAsync(async () => await StatusAsync(integration, id) == "in_review", TimeSpan.FromMinutes(2)),
            $"the letter did not reach the inbox:\n{web.Output}\n{worker.Output}");

        using var clerk = await ClerkAsync(desk);
        using (var decision = await clerk.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" }))
        {
            Assert.True(decision.IsSuccessStatusCode, await decision.Content.ReadAsStringAsync());
        }

        Assert.Equal("committed", await StatusAsync(integration, id));

        // Each process counts the stages it ran: the web desk review and the decision (a letter
        // taken over HTTP is recorded by the request, not by the AMQP intake stage); the worker the rest.
        using var http = new HttpClient();
        var webMetrics = await http.GetStringAsync(new Uri(desk, "/metrics"));
        var workerMetrics = await http.GetStringAsync(new Uri(workerAddress, "/metrics"));
        Assert.True(Count(webMetrics, "review") == 1, webMetrics);
        Assert.Null(Count(webMetrics, "intake"));
        Assert.Null(Count(webMetrics, "extract"));
        Assert.Equal(1, PrometheusText.Sample(webMetrics, "kputriage_letters_decided_total"));
        Assert.Equal(1, Count(workerMetrics, "extract"));
        Assert.Equal(1, Count(workerMetrics, "propose"));
        Assert.Null(Count(workerMetrics, "review"));
        using (var health = await http.GetAsync(new Uri(workerAddress, "/health")))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        // Both sign with the key the administrator made, read from the units' credentials, and
        // nothing of the key is left in the state directory (the data folder).
        Assert.Matches($@"key {keyId} at {Regex.Escape(Path.Combine(root.Path, "run", "credentials", "kputriage-web.service", "office-key.pem"))}", web.Output);
        Assert.Matches($@"key {keyId} at {Regex.Escape(Path.Combine(root.Path, "run", "credentials", "kputriage-worker@1.service", "office-key.pem"))}", worker.Output);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(root.Path, "var", "lib", "kputriage"), "*.pem", SearchOption.AllDirectories));

        var stopLimit = StopTimeout("kputriage-worker@.service");
        Assert.True(await worker.StopAsync(stopLimit) < stopLimit);
        Assert.True(await web.StopAsync(StopTimeout("kputriage-web.service")) < StopTimeout("kputriage-web.service"));
        Assert.Equal(0, worker.ExitCode);
        Assert.Equal(0, web.ExitCode);
    }

    /// <summary>
    /// The layout deploy/README.md installs, under a temporary root: the built hosts in
    /// /opt/kputriage, /etc/kputriage/kputriage.env made from the example with this test's
    /// servers, and a per-instance override for worker 1, as an office would write them.
    /// </summary>
    private void Install()
    {
        var configuration = typeof(SystemdUnitSpecs).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        Directory.CreateDirectory(Path.Combine(root.Path, "opt", "kputriage"));
        foreach (var (host, project) in new[] { ("web", "KpuTriage.Web"), ("worker", "KpuTriage.Worker") })
        {
            Directory.CreateSymbolicLink(Path.Combine(root.Path, "opt", "kputriage", host), Repository.PathOf("src", project, "bin", configuration, "net10.0"));
        }

        var etc = Directory.CreateDirectory(Path.Combine(root.Path, "etc", "kputriage")).FullName;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Transport__RabbitMqUri"] = vhost.Uri.ToString(),
            ["KPUTRIAGE_ADMIN_PASSWORD"] = DeskSettings.AdminPassword,
            ["KPUTRIAGE_API_KEY"] = DeskSettings.ApiKey,
            ["Urls"] = "http://127.0.0.1:0",
        };
        var lines = File.ReadAllLines(Repository.PathOf("deploy", "systemd", "kputriage.env.example")).Select(line =>
            line.Split('=', 2) is [var key, _] && settings.TryGetValue(key, out var value) ? $"{key}={value}" : line).ToList();
        Assert.All(settings.Keys, key => Assert.Contains(lines, l => l.StartsWith(key + "=", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("CHANGE_ME", StringComparison.Ordinal));
        // The desk takes letters in and shows them; the worker reads and proposes.
        lines.Add("Pipeline__Stages=intake,review");
        File.WriteAllLines(Path.Combine(etc, "kputriage.env"), lines);
        File.WriteAllLines(Path.Combine(etc, "worker-1.env"), ["Pipeline__Stages=extract,propose", "Worker__Listen=http://127.0.0.1:0"]);
    }

    /// <summary>
    /// The first ledger key, made as deploy/README.md says: <c>kputriage ledger new-key
    /// /etc/kputriage/office-key.pem</c> with the built command, before any unit starts (the
    /// units read it as a read-only credential and cannot make it).
    /// </summary>
    private async Task<string> MakeLedgerKeyAsync()
    {
        var configuration = typeof(SystemdUnitSpecs).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Repository.PathOf("src", "KpuTriage.Cli", "bin", configuration, "net10.0", "kputriage.dll"), "ledger", "new-key", Path.Combine(root.Path, "etc", "kputriage", "office-key.pem") })
        {
            start.ArgumentList.Add(arg);
        }

        using var cli = System.Diagnostics.Process.Start(start)!;
        var errors = cli.StandardError.ReadToEndAsync();
        var output = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        Assert.True(cli.ExitCode == 0, output + await errors);
        return KeyMade().Match(output).Groups["id"].Value;
    }

    private UnitProcess Start(string unit, string? instance = null)
    {
        var process = UnitProcess.Start(root.Path, Repository.PathOf("deploy", "systemd", unit), instance);
        units.Add(process);
        return process;
    }

    /// <summary>The unit's TimeoutStopSec: how long systemd waits after SIGTERM before it kills.</summary>
    private static TimeSpan StopTimeout(string unit) =>
        TimeSpan.FromSeconds(int.Parse(File.ReadAllLines(Repository.PathOf("deploy", "systemd", unit))
            .Single(l => l.StartsWith("TimeoutStopSec=", StringComparison.Ordinal))["TimeoutStopSec=".Length..], System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<HttpClient> ClerkAsync(Uri desk)
    {
        using var admin = await SignInAsync(desk, "admin", DeskSettings.AdminPassword);
        (await admin.PostAsJsonAsync("/api/v1/users", new { userName = Desk.ClerkName, password = Desk.PeoplePassword, roles = ClerkRoles })).EnsureSuccessStatusCode();
        return await SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
    }

    private static async Task<HttpClient> SignInAsync(Uri desk, string userName, string password)
    {
        var client = new HttpClient { BaseAddress = desk };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<string?> StatusAsync(HttpClient integration, Guid id) =>
        (await integration.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}")).GetProperty("status").GetString();

    private static double? Count(string metrics, string stage) =>
        PrometheusText.Sample(metrics, "kputriage_stage_letters_total", "stage=" + stage, "outcome=completed");

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"(Kunci|Key) (?<id>[0-9a-f]{16}) ")]
    private static partial Regex KeyMade();

    [GeneratedRegex("Application started")]
    private static partial Regex Started();
}
