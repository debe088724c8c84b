using System.Diagnostics;
using System.Net;
using KpuTriage.Benchmarks.Extraction;
using KpuTriage.Benchmarks.ReviewDesk;
using KpuTriage.Core.Dashboard;
using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Triage;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Benchmarks.Dashboard;

/// <summary>
/// The dashboard over an office's year: N decided letters and N model calls spread over 366
/// days (<see cref="OfficeYearSeed"/>) and 5,000 letters waiting (<see cref="InboxSeed"/>), on
/// PostgreSQL and then SQLite. Times <see cref="DeskFigures.ReadAsync"/> in-process for 30 and
/// 366 days, with the managed allocation and the process's peak working set of one read; the
/// page /admin/dashboard over loopback HTTP as a signed-in supervisor; and a /metrics scrape
/// while the figures' snapshot is warm (and the first, cold one). The desk runs the API only.
/// </summary>
internal static class DashboardSuite
{
    private const int Backlog = 5000;
    private const int WarmUp = 2;
    private const int Samples = 10;
    private const int ScrapeWarmUp = 5;
    private const int ScrapeSamples = 30;

    // The Prometheus exporter answers repeats within 300 ms from its own cache; Prometheus scrapes every 15 s or so.
    private static readonly TimeSpan ScrapeGap = TimeSpan.FromMilliseconds(400);
    private const string Supervisor = "bench-supervisor";
    private const string Password = "bench-supervisor-password-2025";

    public static async Task<int> RunAsync(int letters)
    {
        var table = new ResultTable();
        await using (var database = await PostgresDatabase.CreateAsync())
        {
            await RunOnAsync(table, "PostgreSQL", ["--Storage:Provider=postgres", $"--ConnectionStrings:Postgres={database.ConnectionString}"], letters);
        }

        await RunOnAsync(table, "SQLite", ["--Storage:Provider=sqlite"], letters);
        Console.WriteLine(table.Render());
        return 0;
    }

    private static async Task RunOnAsync(ResultTable table, string storage, string[] storageArgs, int letters)
    {
        var data = Directory.CreateTempSubdirectory("kputriage-bench-dashboard-").FullName;
        Console.WriteLine($"{storage}:");
        await using (var app = KpuTriageWebApp.Build([
            $"--KPUTRIAGE_DATA_DIR={data}", "--KPUTRIAGE_ADMIN_PASSWORD=benchmark-admin-password", "--KPUTRIAGE_API_KEY=benchmark-key-0123456789abcdef",
            .. storageArgs,
            "--Transport:Kind=in-memory", "--Pipeline:Stages=", "--Auth:SignInPermits=100000",
            // A priced provider, so the figures compute each day's cost; never called (no stages run).
            $"--Llm:Providers:{OfficeYearSeed.Provider}:Kind=openai-compatible", $"--Llm:Providers:{OfficeYearSeed.Provider}:Endpoint=http://127.0.0.1:9/v1",
            $"--Llm:Providers:{OfficeYearSeed.Provider}:Model=qwen2.5-7b-instruct", $"--Llm:Providers:{OfficeYearSeed.Provider}:Location=on-premises",
            $"--Llm:Providers:{OfficeYearSeed.Provider}:PricePerMillionPromptTokens=0.15", $"--Llm:Providers:{OfficeYearSeed.Provider}:PricePerMillionCompletionTokens=0.60",
            // The warm snapshot stays warm for the whole run; the first scrape waits for the read as long as it takes.
            "--Dashboard:MetricsRefresh=01:00:00", "--Dashboard:MetricsWait=00:00:30",
            "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]))
        {
            await app.StartAsync();
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var seeding = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await OfficeYearSeed.SeedAsync(scope.ServiceProvider.GetRequiredService<TriageDb>(), letters);
                // The backlog (and its ANALYZE of every table).
                await InboxSeed.SeedAsync(scope.ServiceProvider.GetRequiredService<TriageDb>(), scope.ServiceProvider.GetRequiredService<Taxonomy>(), Backlog);
                await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(Supervisor, Password, [Roles.Supervisor], "benchmark", CancellationToken.None);
            }

            Console.WriteLine($"  seeding took {seeding.Elapsed.TotalSeconds:F0} s");
            table.Section($"dashboard on {storage}: {letters:N0} letters decided and {letters:N0} model calls over 366 days, {Backlog:N0} waiting");
            foreach (var days in new[] { 30, 366 })
            {
                var (timings, figures) = await ReadTimesAsync(app, days);
                Row(table, $"DeskFigures.ReadAsync, {days} days", timings,
                    $"{figures.Agreement.Decided:N0} decided, {figures.Days.Sum(d => d.DocumentsReceived):N0} received, {figures.Days.Sum(d => d.PromptTokens + d.CompletionTokens) / 1e6:N0} M tokens");
                Row(table, "  (of which: its three period queries, rows only)", await QueryTimesAsync(app, days), "");
                var (allocated, before, peak) = await OneReadMemoryAsync(app, days);
                table.Row($"  one {days}-day read: memory", $"allocated {allocated / 1048576.0:F1} MB", $"working set {before / 1048576.0:F0} MB before, peak {peak}");
            }

            using var supervisor = await SignInAsync(address);
            Row(table, "/admin/dashboard (default 30 days), HTTP", await GetTimesAsync(supervisor, "/admin/dashboard", WarmUp, Samples), "");
            Row(table, "/admin/dashboard?days=366, HTTP", await GetTimesAsync(supervisor, "/admin/dashboard?days=366", WarmUp, Samples), "");
            using var scraper = new HttpClient { BaseAddress = address };
            var cold = Stopwatch.StartNew();
            var first = await scraper.GetStringAsync("/metrics");
            cold.Stop();
            if (!first.Contains("kputriage_decided_letters", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("the first scrape has no dashboard gauges: the figures' read outlasted Dashboard:MetricsWait");
            }

            table.Row("/metrics, first scrape (cold: reads the 30-day figures)", $"{cold.Elapsed.TotalMilliseconds:F1} ms", $"{first.Length / 1024.0:F1} KB");
            Row(table, "/metrics, warm snapshot", await GetTimesAsync(scraper, "/metrics", ScrapeWarmUp, ScrapeSamples, ScrapeGap), "gauges collected each time");
            await app.StopAsync();
        }

        Directory.Delete(data, recursive: true);
    }

    private static void Row(ResultTable table, string what, Timings t, string note) =>
        table.Row(what, $"median {t.MedianMicroseconds / 1000:F1} ms, p95 {t.P95Microseconds / 1000:F1} ms", (note.Length > 0 ? note + "; " : "") + $"n={t.Count}");

    private static async Task<(Timings, DashboardFigures)> ReadTimesAsync(WebApplication app, int days)
    {
        var ticks = new List<long>();
        DashboardFigures? figures = null;
        for (var i = 0; i < WarmUp + Samples; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var period = DashboardPeriod.Last(days, scope.ServiceProvider.GetRequiredService<OfficeCalendar>().Today);
            var reader = scope.ServiceProvider.GetRequiredService<DeskFigures>();
            var clock = Stopwatch.StartNew();
            figures = await reader.ReadAsync(period, CancellationToken.None);
            if (i >= WarmUp)
            {
                ticks.Add(clock.ElapsedTicks);
            }
        }

        return (Timings.Of(ticks), figures!);
    }

    /// <summary>
    /// The database's share of a read: the period's rows exactly as <see cref="DeskFigures"/>
    /// queries them (decided letters with their diffs, receipts, model calls), materialised and
    /// nothing else: no days, no JSON, no grouping. The backlog and version names are left out.
    /// </summary>
    private static async Task<Timings> QueryTimesAsync(WebApplication app, int days)
    {
        var ticks = new List<long>();
        for (var i = 0; i < WarmUp + Samples; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var calendar = scope.ServiceProvider.GetRequiredService<OfficeCalendar>();
            var period = DashboardPeriod.Last(days, calendar.Today);
            var (start, end) = (calendar.StartOf(period.From), calendar.StartOf(period.To.AddDays(1)));
            var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
            var clock = Stopwatch.StartNew();
            await db.Register.AsNoTracking()
                .Where(e => e.DecidedAt >= start && e.DecidedAt < end && e.ProposalId != null)
                .Select(e => new { e.DecidedAt, e.PromptVersion, e.Engine, e.DiffJson }).ToListAsync();
            await db.Documents.AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end).Select(d => d.ReceivedAt).ToListAsync();
            await db.ModelCalls.AsNoTracking().Where(c => c.CreatedAt >= start && c.CreatedAt < end)
                .Select(c => new { c.Provider, c.CreatedAt, Prompt = (long)c.PromptTokens, Completion = (long)c.CompletionTokens }).ToListAsync();
            if (i >= WarmUp)
            {
                ticks.Add(clock.ElapsedTicks);
            }
        }

        return Timings.Of(ticks);
    }

    /// <summary>
    /// One read after a full collection: the bytes allocated meanwhile (all threads; the host is
    /// otherwise idle) and the process's peak resident set during it, on Linux by resetting the
    /// high-water mark (/proc/self/clear_refs) just before.
    /// </summary>
    private static async Task<(long Allocated, long Before, string Peak)> OneReadMemoryAsync(WebApplication app, int days)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var period = DashboardPeriod.Last(days, scope.ServiceProvider.GetRequiredService<OfficeCalendar>().Today);
        var reader = scope.ServiceProvider.GetRequiredService<DeskFigures>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;
        var reset = TryResetPeak();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await reader.ReadAsync(period, CancellationToken.None);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        return (allocated, before, reset
            ? $"{peak / 1048576.0:F0} MB (+{(peak - before) / 1048576.0:F0} MB)"
            : $"{peak / 1048576.0:F0} MB since the start (high-water mark not resettable)");
    }

    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<HttpClient> SignInAsync(Uri address)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var login = await client.GetStringAsync("/login");
        using var signedIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = Supervisor, ["Password"] = Password, ["__RequestVerificationToken"] = Token(login),
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in answered {(int)signedIn.StatusCode}");
        }

        return client;
    }

    private static async Task<Timings> GetTimesAsync(HttpClient client, string path, int warmUp, int samples, TimeSpan gap = default)
    {
        var ticks = new List<long>();
        for (var i = 0; i < warmUp + samples; i++)
        {
            await Task.Delay(gap);
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
            }

            if (i >= warmUp)
            {
                ticks.Add(clock.ElapsedTicks);
            }
        }

        return Timings.Of(ticks);
    }

    private static string Token(string html)
    {
        const string marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }
}
