using System.Net;
using KpuTriage.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Dashboard;

/// <summary>/metrics lets a scraper in by its address (Metrics:AllowFrom) or the scrape token, and is gone when disabled.</summary>
public sealed class MetricsAccessSpecs : IDisposable
{
    private const string Token = "scrape-token-for-tests-0123456789";
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private Task<Desk> StartAsync(params (string Key, string Value)[] settings) => Desk.StartApiOnlyAsync(data.Path, settings);

    [Fact]
    public async Task Should_refuse_a_scrape_from_an_address_not_allowed_unless_it_carries_the_token()
    {
        await using var desk = await StartAsync(("Metrics:AllowFrom:0", "10.11.12.0/24"), ("Metrics:AllowFrom:1", "192.168.7.7"), ("Metrics:ScrapeToken", Token));
        using var anonymous = DeskSession.NewClient(desk);
        using var wrong = desk.NewClient();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", Token + "x");
        using var scraper = desk.NewClient();
        scraper.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        using var admin = await desk.AdminAsync();

        var byAnonymous = await anonymous.GetAsync("/metrics");
        var byWrongToken = await wrong.GetAsync("/metrics");
        var byAdmin = await admin.GetAsync("/metrics");
        var byScraper = await scraper.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, byAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byWrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byScraper.StatusCode);
        Assert.Contains("kputriage_backlog_documents", await byScraper.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_scrape_a_proxy_forwarded_from_loopback_unless_it_carries_the_token()
    {
        await using var desk = await StartAsync(("Metrics:ScrapeToken", Token));
        using var direct = DeskSession.NewClient(desk);
        using var proxied = DeskSession.NewClient(desk);
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        using var proxiedScraper = DeskSession.NewClient(desk);
        proxiedScraper.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        proxiedScraper.DefaultRequestHeaders.Authorization = new("Bearer", Token);

        Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await proxied.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await proxiedScraper.GetAsync("/metrics")).StatusCode);
    }

    [Theory]
    [InlineData("Metrics:ScrapeToken", "too-short")]
    [InlineData("Metrics:AllowFrom:0", "10.0.0.0/99")]
    [InlineData("Dashboard:DefaultDays", "400")]
    public async Task Should_refuse_to_start_and_name_the_key_when_a_metrics_setting_is_wrong(string key, string value)
    {
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var desk = await StartAsync((key, value));
        });

        Assert.NotNull(error);
        Assert.Contains(key.Split(':')[0] + ":" + key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_not_serve_metrics_when_they_are_disabled()
    {
        await using var desk = await StartAsync(("Metrics:Enabled", "false"));
        using var anonymous = DeskSession.NewClient(desk);

        var response = await anonymous.GetAsync("/metrics");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var routes = desk.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText);
        Assert.DoesNotContain("/metrics", routes);
    }
}
