using System.Net;
using KpuTriage.Core.People;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace KpuTriage.Tests.Security;

/// <summary>
/// Single sign-on end to end in Chromium: the desk sends the person to an OpenID Connect
/// provider on 127.0.0.1 (code flow with PKCE, form-posted back), validates the signed ID
/// token and maps the provider's roles to desk roles.
/// </summary>
public sealed class OidcBrowserSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private FakeIdentityProvider provider = null!;
    private Desk desk = null!;
    private Chromium chromium = null!;

    public async Task InitializeAsync()
    {
        provider = await FakeIdentityProvider.StartAsync();
        desk = await Desk.StartAsync(new DeskSettings
        {
            DataDirectory = data.Path,
            Extra = new Dictionary<string, string>
            {
                ["Auth:Oidc:Authority"] = provider.Authority.ToString(),
                ["Auth:Oidc:ClientId"] = FakeIdentityProvider.ClientId,
                ["Auth:Oidc:ClientSecret"] = FakeIdentityProvider.ClientSecret,
                ["Auth:Oidc:DisplayName"] = "SSO KPU",
                ["Auth:Oidc:RequireHttpsMetadata"] = "false",
                ["Auth:Oidc:Roles:pencatat"] = "clerk",
                ["Auth:Oidc:Roles:kasubbag"] = "supervisor",
            },
        });
        chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await chromium.DisposeAsync();
        await desk.DisposeAsync();
        await provider.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_sign_a_person_in_through_the_provider_with_the_desk_role_their_provider_role_maps_to()
    {
        provider.NextPerson = new FakeIdentityProvider.Person("dewi", ["pencatat", "offline_access"]);
        var page = await chromium.NewPageAsync(desk);

        await page.GotoAsync("/login");
        await page.ClickAsync("text=SSO KPU");
        await page.WaitForURLAsync(url => url.Contains("/inbox", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("dewi");
        Assert.Equal(1, provider.CodesExchanged);
        var dewi = await desk.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "dewi"));
        Assert.True(dewi.External);
        Assert.Equal(["clerk"], dewi.RoleList());
        await page.GotoAsync("/admin/users");
        Assert.Contains("/denied", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_person_whose_provider_roles_map_to_no_desk_role_and_say_so_on_the_sign_in_page()
    {
        provider.NextPerson = new FakeIdentityProvider.Person("tamu", ["offline_access"]);
        var page = await chromium.NewPageAsync(desk);

        await page.GotoAsync("/login");
        await page.ClickAsync("text=SSO KPU");
        await page.WaitForURLAsync(url => url.Contains("sso=failed", StringComparison.Ordinal));

        await Assertions.Expect(page.Locator("p.error")).ToContainTextAsync("belum diberi peran");
        Assert.Equal(1, provider.CodesExchanged);
        Assert.False(await desk.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == "tamu")));
        await page.GotoAsync("/inbox");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    /// <summary>Signs a person in through the provider and returns their page, on the inbox.</summary>
    private async Task<IPage> SignInThroughProviderAsync(string userName)
    {
        provider.NextPerson = new FakeIdentityProvider.Person(userName, ["pencatat"]);
        var page = await chromium.NewPageAsync(desk);
        await page.GotoAsync("/login");
        await page.ClickAsync("text=SSO KPU");
        await page.WaitForURLAsync(url => url.Contains("/inbox", StringComparison.Ordinal));
        return page;
    }

    /// <summary>A client holding a copy of the page's desk cookie, as someone who copied it from that browser would.</summary>
    private async Task<HttpClient> CopyOfCookieAsync(IPage page)
    {
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "kputriage.desk");
        var copy = new CookieContainer();
        copy.Add(desk.Address, new System.Net.Cookie(cookie.Name, cookie.Value));
        return DeskSession.NewClient(desk, copy);
    }

    private async Task AssertSentToSignInAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login", new Uri(desk.Address, response.Headers.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Should_send_a_copied_sso_cookie_to_sign_in_when_the_person_has_signed_out()
    {
        var page = await SignInThroughProviderAsync("dewi");
        using var copied = await CopyOfCookieAsync(page);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/inbox")).StatusCode);

        await page.ClickAsync("form[action='/logout'] button");
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));

        await AssertSentToSignInAsync(copied);
    }

    [Fact]
    public async Task Should_end_an_sso_persons_other_browsers_when_they_sign_out_everywhere()
    {
        var office = await SignInThroughProviderAsync("dewi");
        var home = await SignInThroughProviderAsync("dewi");
        using var copied = await CopyOfCookieAsync(home);

        await office.ClickAsync("form[action='/account/sign-out-everywhere'] button");
        await office.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal));

        await AssertSentToSignInAsync(copied);
        await home.GotoAsync("/inbox");
        Assert.Contains("/login", home.Url, StringComparison.Ordinal);
    }
}
