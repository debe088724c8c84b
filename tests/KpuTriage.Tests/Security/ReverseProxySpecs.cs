using System.Net;
using System.Net.Http.Json;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Security;

/// <summary>
/// The desk behind a TLS-ending reverse proxy. The tests' own connections come from 127.0.0.1,
/// so with Web:KnownProxies = 127.0.0.1 the test plays the proxy, and with another address
/// configured it plays an outsider who sends the same headers.
/// </summary>
public sealed class ReverseProxySpecs : IDisposable
{
    private const string PublicHost = "surat.kpu-purwakarta.example";
    private const string ScrapeToken = "scrape-token-for-tests-0123456789";
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private Task<Desk> StartAsync(params (string Key, string Value)[] settings) => Desk.StartApiOnlyAsync(data.Path, settings);

    [Fact]
    public async Task Should_mark_the_cookies_secure_and_send_hsts_when_a_configured_proxy_forwards_https()
    {
        await using var desk = await StartAsync(("Web:KnownProxies:0", "127.0.0.1"));
        await desk.EnsurePeopleAsync();
        using var proxy = Relay(desk, "203.0.113.9", "https");

        var (form, signIn) = await SignInAsync(proxy);

        var cookies = Set(Cookies(form).Concat(Cookies(signIn)));
        Assert.Contains(cookies, c => c.StartsWith("kputriage.antiforgery=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("kputriage.desk=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(form.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.9.8.7")]
    public async Task Should_ignore_forwarded_https_when_it_comes_from_an_address_that_is_no_configured_proxy(string? proxy)
    {
        await using var desk = await StartAsync(Proxy(proxy));
        await desk.EnsurePeopleAsync();
        using var outsider = Relay(desk, "203.0.113.9", "https");

        var (form, signIn) = await SignInAsync(outsider);

        var cookies = Set(Cookies(form).Concat(Cookies(signIn)));
        Assert.Contains(cookies, c => c.StartsWith("kputriage.desk=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));
        Assert.False(signIn.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Should_send_no_hsts_when_a_configured_proxy_forwards_plain_http()
    {
        await using var desk = await StartAsync(("Web:KnownProxies:0", "127.0.0.1"));
        using var proxy = Relay(desk, "203.0.113.9", "http");

        using var response = await proxy.GetAsync("/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.All(Cookies(response), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Should_count_sign_in_attempts_per_client_when_a_configured_proxy_forwards_them()
    {
        await using var desk = await StartAsync(("Web:KnownProxies:0", "127.0.0.1"), ("Auth:SignInPermits", "3"), ("Auth:SignInWindow", "00:10:00"));
        using var first = Relay(desk, "198.51.100.1", "https");
        using var second = Relay(desk, "198.51.100.2", "https");

        var byFirst = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            byFirst.Add(await TokenAsync(first, "tamu-satu", "tebakan-" + attempt));
        }

        var bySecond = await TokenAsync(second, "tamu-dua", "tebakan");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], byFirst);
        Assert.Equal(HttpStatusCode.Unauthorized, bySecond);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.9.8.7")]
    public async Task Should_keep_counting_sign_in_attempts_when_an_outsider_forges_a_new_address_each_time(string? proxy)
    {
        await using var desk = await StartAsync([.. Proxy(proxy), ("Auth:SignInPermits", "3"), ("Auth:SignInWindow", "00:10:00")]);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var outsider = Relay(desk, $"198.51.100.{attempt + 10}", "https");
            statuses.Add(await TokenAsync(outsider, "tamu-tiga", "tebakan-" + attempt));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Should_let_a_scrape_in_by_the_client_address_when_a_configured_proxy_forwards_it()
    {
        await using var desk = await StartAsync(("Web:KnownProxies:0", "127.0.0.1"), ("Metrics:AllowFrom:0", "198.51.100.7"));
        using var prometheus = Relay(desk, "198.51.100.7", "https");
        using var stranger = Relay(desk, "203.0.113.9", "https");

        using var byPrometheus = await prometheus.GetAsync("/metrics");
        using var byStranger = await stranger.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, byPrometheus.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStranger.StatusCode);
    }

    [Theory]
    [InlineData("X-Real-IP", "127.0.0.1")]
    [InlineData("X-Forwarded-Host", "localhost")]
    [InlineData("X-Forwarded-Proto", "https")]
    [InlineData("X-Client-IP", "127.0.0.1")]
    [InlineData("True-Client-IP", "127.0.0.1")]
    [InlineData("CF-Connecting-IP", "127.0.0.1")]
    [InlineData("Forwarded", "for=127.0.0.1")]
    [InlineData("Via", "1.1 proxy")]
    public async Task Should_refuse_a_scrape_by_address_when_the_request_carries_a_forwarding_header(string header, string value)
    {
        await using var desk = await StartAsync(("Metrics:ScrapeToken", ScrapeToken));
        using var relayed = DeskSession.NewClient(desk);
        relayed.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
        using var relayedScraper = DeskSession.NewClient(desk);
        relayedScraper.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
        relayedScraper.DefaultRequestHeaders.Authorization = new("Bearer", ScrapeToken);

        using var byAddress = await relayed.GetAsync("/metrics");
        using var byToken = await relayedScraper.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, byAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
    }

    [Theory]
    [InlineData("Web:KnownProxies:0", "10.0.0.0/8", "Web:KnownProxies")]
    [InlineData("Web:KnownProxies:0", "proxy.local", "Web:KnownProxies")]
    [InlineData("Web:KnownNetworks:0", "10.0.0.300/8", "Web:KnownNetworks")]
    public async Task Should_refuse_to_start_and_name_the_key_when_a_proxy_setting_is_wrong(string key, string value, string named)
    {
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var desk = await StartAsync((key, value));
        });

        Assert.NotNull(error);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A client whose requests say what a proxy would: the client's address, the scheme it used, the public host.</summary>
    private static HttpClient Relay(Desk desk, string clientAddress, string scheme)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = desk.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Host = PublicHost;
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        return client;
    }

    /// <summary>The sign-in form and its post, carrying the cookies by hand: a Secure cookie would not go back over the tests' plain HTTP.</summary>
    private static async Task<(HttpResponseMessage Form, HttpResponseMessage SignIn)> SignInAsync(HttpClient client)
    {
        var form = await client.GetAsync("/login");
        var token = DeskSession.Token(await form.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("no anti-forgery token on /login");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = Desk.ClerkName,
                ["Password"] = Desk.PeoplePassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", Cookies(form).Select(c => c.Split(';')[0])));
        return (form, await client.SendAsync(post));
    }

    private static async Task<HttpStatusCode> TokenAsync(HttpClient client, string userName, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        return response.StatusCode;
    }

    /// <summary>Web:KnownProxies set to <paramref name="proxy"/>, or nothing configured at all (the default).</summary>
    private static (string Key, string Value)[] Proxy(string? proxy) => proxy is null ? [] : [("Web:KnownProxies:0", proxy)];

    /// <summary>Cookies being set, not deleted (a deletion carries no value to protect).</summary>
    private static List<string> Set(IEnumerable<string> cookies) => [.. cookies.Where(c => !c.Split(';')[0].EndsWith('='))];

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
}
