using System.Diagnostics;
using System.Net;
using KpuTriage.Benchmarks.Extraction;
using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Benchmarks.ReviewDesk;

/// <summary>
/// The desk under a full queue: N pending items in PostgreSQL, then the time of the inbox page
/// (first page, and a page filtered by unit and urgency) and of an approve, each a real HTTP
/// request from a signed-in clerk on loopback (so server time plus a loopback round trip),
/// one at a time. The desk runs the API only (Pipeline:Stages empty), as the production Web host does.
/// </summary>
internal static class DeskSuite
{
    private const int WarmUp = 20;
    private const int PageSamples = 200;
    private const int ApproveSamples = 200;
    private const string Clerk = "bench-clerk";
    private const string Password = "bench-clerk-password-2025";

    public static async Task<int> RunAsync(int items)
    {
        var data = Directory.CreateTempSubdirectory("kputriage-bench-desk-").FullName;
        await using var database = await PostgresDatabase.CreateAsync();
        await using var app = KpuTriageWebApp.Build([
            $"--KPUTRIAGE_DATA_DIR={data}", "--KPUTRIAGE_ADMIN_PASSWORD=benchmark-admin-password", "--KPUTRIAGE_API_KEY=benchmark-key-0123456789abcdef",
            "--Storage:Provider=postgres", $"--ConnectionStrings:Postgres={database.ConnectionString}",
            "--Transport:Kind=in-memory", "--Pipeline:Stages=", "--Auth:SignInPermits=100000",
            "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var seeding = Stopwatch.StartNew();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await InboxSeed.SeedAsync(scope.ServiceProvider.GetRequiredService<TriageDb>(), scope.ServiceProvider.GetRequiredService<Taxonomy>(), items);
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateUserAsync(Clerk, Password, [Roles.Clerk], "benchmark", CancellationToken.None);
        }

        Console.WriteLine($"  seeding took {seeding.Elapsed.TotalSeconds:F0} s");
        using var clerk = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var login = await clerk.GetStringAsync("/login");
        using (var signedIn = await clerk.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = Clerk, ["Password"] = Password, ["__RequestVerificationToken"] = Token(login),
        })))
        {
            if (signedIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"sign-in answered {(int)signedIn.StatusCode}");
            }
        }

        var table = new ResultTable();
        table.Section($"desk with {items:N0} pending items in PostgreSQL (loopback HTTP, one request at a time)");
        Row(table, "inbox, first page", await TimeAsync(clerk, () => "/inbox", PageSamples), 50);
        Row(table, "  (of which: counts per filter, uncached)", await FacetsAsync(app), 0);
        Row(table, "inbox, unit + urgency filter", await TimeAsync(clerk, () => "/inbox?unit=subbag_kul&urgency=segera", PageSamples), 50);
        Row(table, "inbox, live list refresh", await TimeAsync(clerk, () => "/inbox?handler=Rows", PageSamples), 50);
        Row(table, "approve (POST, no redirect followed)", await ApproveAsync(app, clerk), 100);
        Console.WriteLine(table.Render());
        await app.StopAsync();
        Directory.Delete(data, recursive: true);
        return 0;
    }

    private static void Row(ResultTable table, string what, Timings t, int goalMs) =>
        table.Row(what, $"median {t.MedianMicroseconds / 1000:F1} ms, p95 {t.P95Microseconds / 1000:F1} ms", (goalMs > 0 ? $"goal p95 < {goalMs} ms; " : "") + $"n={t.Count}");

    /// <summary>The grouped count the inbox caches for InboxModel.CountsFor, timed in-process without the cache.</summary>
    private static async Task<Timings> FacetsAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var ticks = new List<long>();
        for (var i = 0; i < WarmUp / 4 + PageSamples / 4; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var inbox = scope.ServiceProvider.GetRequiredService<ReviewInbox>();
            var clock = Stopwatch.StartNew();
            await inbox.FacetsAsync(CancellationToken.None);
            if (i >= WarmUp / 4)
            {
                ticks.Add(clock.ElapsedTicks);
            }
        }

        return Timings.Of(ticks);
    }


    private static async Task<Timings> TimeAsync(HttpClient client, Func<string> path, int samples)
    {
        var ticks = new List<long>();
        for (var i = 0; i < WarmUp + samples; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await client.GetAsync(path());
            await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            response.EnsureSuccessStatusCode();
            if (i >= WarmUp)
            {
                ticks.Add(clock.ElapsedTicks);
            }
        }

        return Timings.Of(ticks);
    }

    /// <summary>Opens each item (untimed: it takes the hold and the form's token), then times the approve.</summary>
    private static async Task<Timings> ApproveAsync(Microsoft.AspNetCore.Builder.WebApplication app, HttpClient clerk)
    {
        List<Guid> ids;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            ids = await scope.ServiceProvider.GetRequiredService<TriageDb>().ReviewItems.AsNoTracking()
                .Where(i => i.State == ReviewState.Open && i.ManualTriageReason == null && i.Security == "biasa")
                .OrderBy(i => i.CreatedAt).Select(i => i.DocumentId).Take(WarmUp + ApproveSamples).ToListAsync();
        }

        var ticks = new List<long>();
        for (var i = 0; i < ids.Count; i++)
        {
            var form = await clerk.GetStringAsync($"/item/{ids[i]}");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(form) });
            var clock = Stopwatch.StartNew();
            using var response = await clerk.PostAsync($"/item/{ids[i]}?handler=Approve", content);
            clock.Stop();
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"approve of {ids[i]} answered {(int)response.StatusCode}");
            }

            if (i >= WarmUp)
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
