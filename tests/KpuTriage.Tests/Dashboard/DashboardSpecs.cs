using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using KpuTriage.Core.Dashboard;
using KpuTriage.Core.Documents;
using KpuTriage.Web.Dashboard;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using KpuTriage.Core.Persistence;
using KpuTriage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Dashboard;

/// <summary>
/// The dashboard's numbers equal what the database holds: a hand count of
/// <see cref="DashboardLetters"/> (three office days, written out below) against the query
/// service, the page's data-figure cells and the /metrics gauges, once per storage provider.
/// </summary>
public abstract partial class DashboardSpecs : OnEachStorage
{
    private const string Currency = "IDR";
    private Desk desk = null!;
    private DashboardLetters letters = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        desk = await Desk.StartAsync(new DeskSettings
        {
            DataDirectory = DataDirectory,
            PostgresConnectionString = PostgresConnectionString,
            Stages = "",
            Extra = new Dictionary<string, string>
            {
                ["Dashboard:DefaultDays"] = "3",
                ["Dashboard:MetricsRefresh"] = "00:00:00.200",
                ["Llm:CostCurrency"] = Currency,
                ["Llm:OpenLetters"] = DashboardLetters.PricedProvider,
                ["Llm:RestrictedLetters"] = DashboardLetters.UnpricedProvider,
                ["Llm:Providers:azure:Kind"] = "azure-openai",
                ["Llm:Providers:azure:Endpoint"] = "https://kpu-spec.openai.azure.com/",
                ["Llm:Providers:azure:ApiKey"] = "spec-key",
                ["Llm:Providers:azure:Deployment"] = "gpt-4o-mini",
                ["Llm:Providers:azure:Location"] = "cloud",
                ["Llm:Providers:azure:PricePerMillionPromptTokens"] = "2400",
                ["Llm:Providers:azure:PricePerMillionCompletionTokens"] = "9600",
                ["Llm:Providers:ollama:Kind"] = "openai-compatible",
                ["Llm:Providers:ollama:Endpoint"] = "http://127.0.0.1:9/v1",
                ["Llm:Providers:ollama:Model"] = "llama3.1:8b",
                ["Llm:Providers:ollama:Location"] = "on-premises",
            },
        });
        await desk.EnsurePeopleAsync();
        letters = new DashboardLetters(DateTimeOffset.UtcNow);
        await desk.QueryAsync(async db =>
        {
            await letters.SeedAsync(db);
            return 0;
        });
    }

    public override async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        await base.DisposeAsync();
    }

    private string T(int daysBack) => DashboardLetters.Day(letters.Today.AddDays(-daysBack));

    /// <summary>
    /// The hand count. Decided on a machine proposal in the period: 6 letters (the one without a
    /// proposal and the one before the period are left out), 11 scored fields each, 66 in all;
    /// corrected: letterType 2, unit 2, perihal 1, register 1, archiveCode 1 = 7.
    /// </summary>
    private Dictionary<string, double?> Expected()
    {
        string a = letters.VersionA.ToString(CultureInfo.InvariantCulture), b = letters.VersionB.ToString(CultureInfo.InvariantCulture), l = DashboardLetters.LocalVersion;
        var expected = new Dictionary<string, double?>
        {
            ["decided"] = 6,
            ["fields.corrected"] = 7,
            ["fields.corrected-share"] = 7.0 / 66,
            ["agreement.overall"] = 59.0 / 66,
            ["agreement.letterType"] = 4.0 / 6,
            ["agreement.unit"] = 4.0 / 6,
            ["agreement.perihal"] = 5.0 / 6,
            ["agreement.register"] = 5.0 / 6,
            ["agreement.archiveCode"] = 5.0 / 6,
            ["agreement.sender"] = 1,
            ["agreement.summary"] = 1,
            [$"agreement.version.{a}.decided"] = 2,
            [$"agreement.version.{a}.overall"] = 20.0 / 22,
            [$"agreement.version.{a}.letterType"] = 0.5,
            [$"agreement.version.{a}.unit"] = 0.5,
            [$"agreement.version.{a}.perihal"] = 1,
            [$"agreement.version.{b}.decided"] = 2,
            [$"agreement.version.{b}.overall"] = 21.0 / 22,
            [$"agreement.version.{b}.perihal"] = 0.5,
            [$"agreement.version.{b}.letterType"] = 1,
            [$"agreement.version.{l}.decided"] = 2,
            [$"agreement.version.{l}.overall"] = 18.0 / 22,
            [$"agreement.version.{l}.archiveCode"] = 0.5,
            [$"agreement.version.{l}.sender"] = 1,
            ["agreement.engine.llm.decided"] = 4,
            ["agreement.engine.llm.overall"] = 41.0 / 44,
            ["agreement.engine.llm.letterType"] = 0.75,
            ["agreement.engine.llm.perihal"] = 0.75,
            ["agreement.engine.llm.register"] = 1,
            ["agreement.engine.local.decided"] = 2,
            ["agreement.engine.local.register"] = 0.5,
            ["backlog.size"] = 4,
            ["backlog.in_review"] = 2,
            ["backlog.manual_triage"] = 1,
            ["backlog.awaiting_co_approval"] = 1,
            [$"documents.{T(2)}"] = 2,
            [$"documents.{T(1)}"] = 3,
            [$"documents.{T(0)}"] = 1,
            [$"tokens.prompt.{T(2)}"] = 1_500_000,
            [$"tokens.completion.{T(2)}"] = 200_000,
            [$"tokens.{T(2)}"] = 1_700_000,
            [$"tokens.prompt.{T(1)}"] = 500_000,
            [$"tokens.completion.{T(1)}"] = 110_000,
            [$"tokens.{T(0)}"] = 2_500_000,
            // 1.5 M × 2400 + 0.2 M × 9600; T-1 had an unpriced provider; 2 M × 2400 + 0.5 M × 9600.
            [$"cost.{T(2)}"] = 5520,
            [$"cost.{T(1)}"] = null,
            [$"cost.{T(0)}"] = 9600,
            [$"decided.{T(2)}"] = 2,
            [$"decided.{T(1)}"] = 2,
            [$"decided.{T(0)}"] = 2,
            [$"agreement.day.{T(2)}"] = 20.0 / 22,
            [$"agreement.day.{T(1)}"] = 17.0 / 22,
            [$"agreement.day.{T(0)}"] = 1,
        };
        return expected;
    }

    [Fact]
    public async Task Should_count_what_the_database_holds_when_figures_are_read()
    {
        var figures = await ReadFiguresAsync();

        var shown = Flatten(figures);

        AssertFigures(Expected(), shown);
        Assert.Equal([letters.Today.AddDays(-2), letters.Today.AddDays(-1), letters.Today], figures.Days.Select(d => d.Day));
        Assert.Equal(Currency, figures.CostCurrency);
        AssertBacklogAges(figures.Backlog.OldestHours, figures.Backlog.MedianHours);
    }

    [Fact]
    public async Task Should_show_the_same_numbers_on_the_page_when_a_supervisor_opens_it()
    {
        using var budi = await DeskSession.SignInAsync(desk, Desk.SupervisorName, Desk.PeoplePassword);

        var response = await budi.GetAsync("/admin/dashboard?days=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var shown = FigureCell().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value),
            m => m.Groups[2].Value is { Length: > 0 } v ? double.Parse(v, CultureInfo.InvariantCulture) : (double?)null);
        AssertFigures(Expected(), shown);
        AssertBacklogAges(shown["backlog.oldest-hours"], shown["backlog.median-hours"]);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_export_the_same_numbers_as_metrics_when_metrics_are_scraped()
    {
        using var scraper = desk.NewClient();
        var a = letters.VersionA.ToString(CultureInfo.InvariantCulture);
        var expected = new Dictionary<string, double>
        {
            [$"kputriage_agreement_ratio{{engine=llm,field=letterType,prompt_version={a}}}"] = 0.5,
            [$"kputriage_agreement_ratio{{engine=llm,field=sender,prompt_version={a}}}"] = 1,
            [$"kputriage_agreement_ratio{{engine=llm,field=perihal,prompt_version={letters.VersionB}}}"] = 0.5,
            [$"kputriage_agreement_ratio{{engine=local,field=unit,prompt_version={DashboardLetters.LocalVersion}}}"] = 0.5,
            [$"kputriage_decided_letters{{engine=llm,prompt_version={a}}}"] = 2,
            ["kputriage_fields_corrected_ratio"] = 7.0 / 66,
            ["kputriage_backlog_documents{status=in_review}"] = 2,
            ["kputriage_backlog_documents{status=manual_triage}"] = 1,
            ["kputriage_backlog_documents{status=awaiting_co_approval}"] = 1,
            ["kputriage_documents_received_today"] = 1,
            ["kputriage_tokens_today{kind=prompt}"] = 2_000_000,
            ["kputriage_tokens_today{kind=completion}"] = 500_000,
            [$"kputriage_cost_today{{currency={Currency}}}"] = 9600,
        };

        Dictionary<string, double> samples = [];
        await Eventually.TrueAsync(async () =>
        {
            var response = await scraper.GetAsync("/metrics");
            samples = response.IsSuccessStatusCode ? Samples(await response.Content.ReadAsStringAsync()) : [];
            return samples.ContainsKey("kputriage_documents_received_today");
        }, TimeSpan.FromSeconds(20));

        var wrong = expected.Where(e => !samples.TryGetValue(e.Key, out var value) || Math.Abs(value - e.Value) > 1e-6)
            .Select(e => $"{e.Key}: expected {e.Value}, scraped {(samples.TryGetValue(e.Key, out var v) ? v : "nothing")}").ToList();
        Assert.Empty(wrong);
        var oldest = samples["kputriage_backlog_oldest_age_seconds"] / 3600;
        AssertBacklogAges(oldest, samples["kputriage_backlog_median_age_seconds"] / 3600);
    }

    [Fact]
    public async Task Should_draw_the_charts_in_the_browser_when_a_supervisor_follows_the_link()
    {
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(desk);
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        await Chromium.SignInAsync(page, Desk.SupervisorName, Desk.PeoplePassword);

        await page.ClickAsync("header nav a[href='/admin/dashboard']");
        await page.WaitForURLAsync(url => url.EndsWith("/admin/dashboard", StringComparison.Ordinal));
        await Chromium.ScreenshotAsync(page, "dashboard-" + (UsePostgres ? "postgres" : "sqlite"));

        Assert.Equal("3", await page.GetAttributeAsync($"[data-figure='documents.{T(1)}']", "data-value"));
        Assert.Equal(4, await page.Locator("figure.chart svg").CountAsync());
        Assert.Equal(3, await page.Locator("#chart-documents-caption").Locator("xpath=..").Locator("rect.bar").CountAsync());
        await page.ClickAsync("a[href='/admin/dashboard?days=30']");
        await page.WaitForURLAsync(url => url.EndsWith("days=30", StringComparison.Ordinal));
        await Chromium.ScreenshotAsync(page, "dashboard-30-days-" + (UsePostgres ? "postgres" : "sqlite"));
        Assert.Equal(30, await page.Locator("#chart-documents-caption").Locator("xpath=..").Locator("rect.bar").CountAsync());
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("from=2026-11-10&to=2026-11-01")]
    [InlineData("from=2025-01-01&to=2026-01-02")]
    [InlineData("days=400")]
    public async Task Should_show_the_default_period_with_a_message_when_the_period_is_invalid(string query)
    {
        using var budi = await DeskSession.SignInAsync(desk, Desk.SupervisorName, Desk.PeoplePassword);

        var html = await budi.GetStringAsync("/admin/dashboard?" + query);

        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-figure=\"documents.{T(2)}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-figure=\"documents.{T(3)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_reuse_the_figures_within_the_refresh_period_when_scraped_again()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var snapshot = new FiguresSnapshot(desk.Services.GetRequiredService<IServiceScopeFactory>(), desk.Services.GetRequiredService<OfficeCalendar>(),
            Options.Create(new DashboardOptions { DefaultDays = 3, MetricsRefresh = TimeSpan.FromMinutes(1), MetricsWait = TimeSpan.FromSeconds(30) }),
            clock, NullLogger<FiguresSnapshot>.Instance);

        var first = snapshot.Current();
        await desk.QueryAsync(db =>
        {
            db.Documents.Add(new Document { Source = "dashboard-spec", FileName = "baru.txt", Kind = DocumentKind.Text, Sha256 = new string('f', 64), ReceivedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, Status = DocumentStatus.Committed });
            return db.SaveChangesAsync();
        });
        var within = snapshot.Current();
        clock.Now += TimeSpan.FromMinutes(1);
        var after = snapshot.Current();

        Assert.NotNull(first);
        Assert.Same(first, within);
        Assert.Equal(first.Days[^1].DocumentsReceived + 1, after!.Days[^1].DocumentsReceived);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Should_deny_a_clerk_when_the_dashboard_is_opened()
    {
        using var siti = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
        using var admin = await DeskSession.SignInAsync(desk, "admin", DeskSettings.AdminPassword);

        var byClerk = await siti.GetAsync("/admin/dashboard");
        var byAdmin = await admin.GetAsync("/admin/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, byClerk.StatusCode);
        Assert.Equal("/denied", new Uri(new Uri("http://desk/"), byClerk.Headers.Location!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
    }

    private async Task<DashboardFigures> ReadFiguresAsync()
    {
        await using var scope = desk.Services.CreateAsyncScope();
        var figures = scope.ServiceProvider.GetRequiredService<DeskFigures>();
        return await figures.ReadAsync(DashboardPeriod.Last(3, letters.Today), CancellationToken.None);
    }

    /// <summary>The figures under the page's data-figure names, so one hand count checks both.</summary>
    private static Dictionary<string, double?> Flatten(DashboardFigures f)
    {
        var shown = new Dictionary<string, double?>
        {
            ["decided"] = f.Agreement.Decided,
            ["fields.corrected"] = f.Agreement.FieldsCorrected,
            ["fields.corrected-share"] = f.Agreement.CorrectedShare,
            ["agreement.overall"] = f.Agreement.OverallAgreement,
            ["backlog.size"] = f.Backlog.Size,
        };
        foreach (var field in AgreementTally.Fields)
        {
            shown[$"agreement.{field}"] = f.Agreement.Agreement(field);
        }

        foreach (var (kind, groups) in new[] { ("version", f.ByPromptVersion), ("engine", f.ByEngine) })
        {
            foreach (var g in groups)
            {
                var key = kind == "version" ? g.PromptVersion : g.Engine;
                shown[$"agreement.{kind}.{key}.decided"] = g.Decided;
                shown[$"agreement.{kind}.{key}.overall"] = g.OverallAgreement;
                foreach (var field in AgreementTally.Fields)
                {
                    shown[$"agreement.{kind}.{key}.{field}"] = g.Agreement(field);
                }
            }
        }

        foreach (var (status, count) in f.Backlog.ByStatus)
        {
            shown[$"backlog.{status}"] = count;
        }

        foreach (var d in f.Days)
        {
            var day = DashboardLetters.Day(d.Day);
            shown[$"documents.{day}"] = d.DocumentsReceived;
            shown[$"tokens.prompt.{day}"] = d.PromptTokens;
            shown[$"tokens.completion.{day}"] = d.CompletionTokens;
            shown[$"tokens.{day}"] = d.PromptTokens + d.CompletionTokens;
            shown[$"cost.{day}"] = (double?)d.Cost;
            shown[$"decided.{day}"] = d.Agreement.Decided;
            shown[$"agreement.day.{day}"] = d.Agreement.OverallAgreement;
        }

        return shown;
    }

    private static void AssertFigures(Dictionary<string, double?> expected, Dictionary<string, double?> shown)
    {
        var wrong = expected
            .Where(e => !shown.TryGetValue(e.Key, out var value) || (value is null) != (e.Value is null) || (value is { } v && Math.Abs(v - e.Value!.Value) > 1e-6))
            .Select(e => $"{e.Key}: expected {e.Value?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}, shown {(shown.TryGetValue(e.Key, out var v) ? v?.ToString(CultureInfo.InvariantCulture) ?? "unknown" : "nothing")}")
            .ToList();
        Assert.Empty(wrong);
    }

    /// <summary>Oldest waiting letter received 200 h before seeding, the middle two 120 h and 100 h: ages grow while the spec runs.</summary>
    private void AssertBacklogAges(double? oldest, double? median)
    {
        var elapsed = (DateTimeOffset.UtcNow - letters.Now).TotalHours + 0.001;
        Assert.InRange(oldest ?? -1, 200 - 0.001, 200 + elapsed);
        Assert.InRange(median ?? -1, 110 - 0.001, 110 + elapsed);
    }

    /// <summary>Prometheus text lines as "name{label=value,…}" (labels sorted) → value.</summary>
    private static Dictionary<string, double> Samples(string text)
    {
        var samples = new Dictionary<string, double>();
        foreach (Match m in SampleLine().Matches(text))
        {
            // otel_scope_name says which meter; the gauges are named by their own labels.
            var labels = LabelPair().Matches(m.Groups[2].Value).Where(l => !l.Groups[1].Value.StartsWith("otel_scope_", StringComparison.Ordinal)).Select(l => $"{l.Groups[1].Value}={l.Groups[2].Value}").Order(StringComparer.Ordinal).ToList();
            var name = labels.Count == 0 ? m.Groups[1].Value : $"{m.Groups[1].Value}{{{string.Join(',', labels)}}}";
            samples[name] = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        }

        return samples;
    }

    [GeneratedRegex("data-figure=\"([^\"]+)\" data-value=\"([^\"]*)\"")]
    private static partial Regex FigureCell();

    [GeneratedRegex(@"^(kputriage_[a-z_]+)(?:\{([^}]*)\})? ([^ \n]+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    [GeneratedRegex("([a-z_]+)=\"([^\"]*)\"")]
    private static partial Regex LabelPair();
}
