using System.Net;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Security;

/// <summary>Anti-forgery on the desk's forms, security headers, the session cookie, the sign-in rate limit.</summary>
public sealed class DeskSecuritySpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private Desk desk = null!;

    public async Task InitializeAsync()
    {
        desk = await Desk.StartAsync(new DeskSettings
        {
            DataDirectory = data.Path,
            Extra = new Dictionary<string, string> { ["Auth:SignInPermits"] = "4", ["Auth:SignInWindow"] = "00:10:00" },
        });
        await desk.EnsurePeopleAsync();
    }

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_refuse_a_form_post_when_the_anti_forgery_token_is_missing()
    {
        using var clerk = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);

        using var forged = await clerk.PostAsync("/account/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "en" }));
        using var genuine = await DeskSession.PostFormAsync(clerk, "/account/language", new Dictionary<string, string> { ["language"] = "en" }, formPage: "/inbox");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);
        // The genuine one switched this clerk's desk to English.
        Assert.Contains("<title>Inbox · KpuTriage</title>", await clerk.GetStringAsync("/inbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_send_a_csp_without_inline_script_and_deny_framing_when_a_page_is_served()
    {
        using var anonymous = DeskSession.NewClient(desk);

        using var response = await anonymous.GetAsync("/login");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_issue_an_http_only_same_site_strict_session_cookie_when_a_person_signs_in()
    {
        using var client = DeskSession.NewClient(desk);

        using var response = await DeskSession.PostFormAsync(client, "/login", new Dictionary<string, string> { ["UserName"] = Desk.ClerkName, ["Password"] = Desk.PeoplePassword });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kputriage.desk=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_answer_429_when_one_address_tries_to_sign_in_too_often()
    {
        using var client = DeskSession.NewClient(desk);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var response = await DeskSession.PostFormAsync(client, "/login", new Dictionary<string, string> { ["UserName"] = "admin", ["Password"] = "guess-" + attempt });
            statuses.Add(response.StatusCode);
        }

        // The window also counted the admin's token request made at set-up: four permits in all.
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Should_end_a_session_at_its_next_request_when_an_admin_disables_the_account()
    {
        using var clerk = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/inbox")).StatusCode);

        await desk.QueryAsync(async db =>
        {
            var user = db.Users.Single(u => u.UserName == Desk.ClerkName);
            user.Disabled = true;
            return await db.SaveChangesAsync();
        });

        using var after = await clerk.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/login", new Uri(desk.Address, after.Headers.Location!).AbsolutePath);
    }
}
