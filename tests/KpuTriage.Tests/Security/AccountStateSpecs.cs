using System.Net;
using System.Net.Http.Json;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Security;

/// <summary>
/// The route × caller matrix of <see cref="AuthorizationSpecs"/> re-run after an account or a
/// key changed, with the cookie and token (or key) the caller held before the change: what
/// they may still do is what a stranger may, or — after a demotion — what a fresh sign-in in
/// the new role may. Every change is made over HTTP by the admin, as an office would make it.
/// Run once per storage provider (the derived classes).
/// </summary>
public abstract class AccountStateSpecs : DeskOnEachStorage
{
    private const string NewPassword = "meja-surat-sandi-baru";
    private static readonly string[] AdminRole = ["admin"];
    private HttpClient admin = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        admin = await DeskSession.SignInAsync(Desk, "admin", DeskSettings.AdminPassword);
    }

    public override async Task DisposeAsync()
    {
        admin.Dispose();
        await base.DisposeAsync();
    }

    private static bool Stranger(string route) => AuthorizationSpecs.Allowed[route].Contains("anonymous");

    private static Func<string, bool> InRole(string role) => route => AuthorizationSpecs.Allowed[route].Contains(role);

    private Task<List<string>> MismatchesAsync(HttpClient client, string caller, Func<string, bool> allowed) =>
        AuthorizationSpecs.MismatchesAsync(Desk, client, caller, allowed);

    /// <summary>An admin's change on the users page (disable, roles, password), as the page's form posts it.</summary>
    private async Task ChangeUserAsync(string handler, Dictionary<string, string> fields)
    {
        using var response = await DeskSession.PostFormAsync(admin, $"/admin/users?handler={handler}", fields, formPage: "/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location!.OriginalString);
    }

    /// <summary>A second client holding only a copy of the Desk cookie in <paramref name="cookies"/>, as a thief who copied it would.</summary>
    private HttpClient CopyOfCookie(CookieContainer cookies)
    {
        var copy = new CookieContainer();
        copy.Add(Desk.Address, new Cookie("kputriage.Desk", cookies.GetCookies(Desk.Address)["kputriage.Desk"]!.Value));
        return DeskSession.NewClient(Desk, copy);
    }

    private async Task<HttpClient> TokenAsync(string userName, string password)
    {
        var client = DeskSession.NewClient(Desk);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    [Fact]
    public async Task Should_deny_the_old_cookie_and_token_all_a_stranger_is_denied_when_an_admin_disables_the_clerk()
    {
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);
        Assert.Empty(await MismatchesAsync(siti, "clerk before", InRole("clerk")));

        await ChangeUserAsync("Disable", new() { ["UserName"] = Desk.ClerkName });

        Assert.Empty(await MismatchesAsync(siti, "disabled clerk", Stranger));
    }

    [Fact]
    public async Task Should_refuse_a_disabled_clerks_old_token_the_inbox_and_a_decision()
    {
        var id = await Desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(61));
        await Desk.WaitForStatusAsync(id, "in_review");
        using var siti = await TokenAsync(Desk.ClerkName, Desk.PeoplePassword);
        Assert.Equal(HttpStatusCode.OK, (await siti.GetAsync("/api/v1/review/inbox")).StatusCode);

        await ChangeUserAsync("Disable", new() { ["UserName"] = Desk.ClerkName });

        using var inbox = await siti.GetAsync("/api/v1/review/inbox");
        using var letter = await siti.GetAsync($"/api/v1/review/{id}");
        using var decision = await siti.PostAsJsonAsync($"/api/v1/review/{id}/decision", new { action = "approve" });
        Assert.Equal(HttpStatusCode.Unauthorized, inbox.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, letter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, decision.StatusCode);
        Assert.False(await Desk.QueryAsync(db => db.Register.AnyAsync(e => e.DocumentId == id)));
    }

    [Fact]
    public async Task Should_deny_old_credentials_and_give_a_new_sign_in_the_clerks_row_when_an_admin_is_demoted_to_clerk()
    {
        await CreateUserAsync("ani", "admin");
        using var ani = await DeskSession.SignInAsync(Desk, "ani", Desk.PeoplePassword);
        Assert.Empty(await MismatchesAsync(ani, "admin before", InRole("admin")));

        await ChangeUserAsync("Roles", new() { ["UserName"] = "ani", ["Roles"] = "clerk" });

        Assert.Empty(await MismatchesAsync(ani, "demoted admin, old credentials", Stranger));
        using var again = await DeskSession.SignInAsync(Desk, "ani", Desk.PeoplePassword);
        Assert.Empty(await MismatchesAsync(again, "demoted admin, signed in again", InRole("clerk")));
    }

    [Fact]
    public async Task Should_refuse_a_demoted_admin_an_admin_account_or_an_api_key_with_the_old_token_or_cookie()
    {
        await CreateUserAsync("ani", "admin");
        var cookies = new CookieContainer();
        using var ani = await DeskSession.SignInAsync(Desk, "ani", Desk.PeoplePassword, cookies);
        // The forms' anti-forgery tokens, taken while ani was still an admin.
        var usersForm = DeskSession.Token(await ani.GetStringAsync("/admin/users"))!;
        var keysForm = DeskSession.Token(await ani.GetStringAsync("/admin/keys"))!;
        using var pages = CopyOfCookie(cookies);

        await ChangeUserAsync("Roles", new() { ["UserName"] = "ani", ["Roles"] = "clerk" });

        using var byToken = await ani.PostAsJsonAsync("/api/v1/users", new { userName = "penyusup", password = Desk.PeoplePassword, roles = AdminRole });
        using var keyByToken = await ani.PostAsJsonAsync("/api/v1/api-keys", new { name = "kunci-penyusup" });
        using var byCookie = await pages.PostAsync("/admin/users?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "penyusup2", ["Password"] = Desk.PeoplePassword, ["Roles"] = "admin", ["__RequestVerificationToken"] = usersForm,
        }));
        using var keyByCookie = await pages.PostAsync("/admin/keys?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "kunci-penyusup2", ["__RequestVerificationToken"] = keysForm,
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, byToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, keyByToken.StatusCode);
        Assert.True(AuthorizationSpecs.Denied(byCookie), $"{(int)byCookie.StatusCode} {byCookie.Headers.Location}");
        Assert.True(AuthorizationSpecs.Denied(keyByCookie), $"{(int)keyByCookie.StatusCode} {keyByCookie.Headers.Location}");
        Assert.False(await Desk.QueryAsync(db => db.Users.AnyAsync(u => u.UserName.StartsWith("penyusup"))));
        Assert.False(await Desk.QueryAsync(db => db.ApiKeys.AnyAsync(k => k.Name.StartsWith("kunci-penyusup"))));
    }

    [Fact]
    public async Task Should_deny_old_credentials_and_give_a_new_sign_in_the_clerks_row_when_a_supervisor_is_demoted_to_clerk()
    {
        using var budi = await DeskSession.SignInAsync(Desk, Desk.SupervisorName, Desk.PeoplePassword);
        Assert.Empty(await MismatchesAsync(budi, "supervisor before", InRole("supervisor")));

        await ChangeUserAsync("Roles", new() { ["UserName"] = Desk.SupervisorName, ["Roles"] = "clerk" });

        Assert.Empty(await MismatchesAsync(budi, "demoted supervisor, old credentials", Stranger));
        using var again = await DeskSession.SignInAsync(Desk, Desk.SupervisorName, Desk.PeoplePassword);
        Assert.Empty(await MismatchesAsync(again, "demoted supervisor, signed in again", InRole("clerk")));
    }

    [Fact]
    public async Task Should_end_old_tokens_and_cookies_when_an_admin_resets_the_password()
    {
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);

        await ChangeUserAsync("Password", new() { ["UserName"] = Desk.ClerkName, ["Password"] = NewPassword });

        Assert.Empty(await MismatchesAsync(siti, "clerk after a password reset, old credentials", Stranger));
        using var again = await DeskSession.SignInAsync(Desk, Desk.ClerkName, NewPassword);
        Assert.Empty(await MismatchesAsync(again, "clerk with the new password", InRole("clerk")));
    }

    [Fact]
    public async Task Should_send_a_copied_cookie_to_sign_in_when_its_person_has_signed_out()
    {
        var cookies = new CookieContainer();
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword, cookies);
        using var thief = CopyOfCookie(cookies);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/inbox")).StatusCode);

        using var signOut = await DeskSession.PostFormAsync(siti, "/logout", new Dictionary<string, string>(), formPage: "/inbox");
        Assert.Equal("/login", signOut.Headers.Location!.OriginalString);

        using var after = await thief.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/login", new Uri(Desk.Address, after.Headers.Location!).AbsolutePath);
        // Signing out of the Desk ends that Desk session only: the token is a session of its own.
        thief.DefaultRequestHeaders.Authorization = siti.DefaultRequestHeaders.Authorization;
        Assert.Empty(await MismatchesAsync(thief, "copied cookie and token after sign-out",
            route => route.Contains(" /api/", StringComparison.Ordinal) ? InRole("clerk")(route) : Stranger(route)));
    }

    [Fact]
    public async Task Should_end_every_session_and_token_when_a_person_signs_out_everywhere()
    {
        var cookies = new CookieContainer();
        using var here = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword, cookies);
        using var elsewhere = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);
        using var script = await TokenAsync(Desk.ClerkName, Desk.PeoplePassword);
        using var copied = CopyOfCookie(cookies);

        using var everywhere = await DeskSession.PostFormAsync(here, "/account/sign-out-everywhere", new Dictionary<string, string>(), formPage: "/inbox");
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal("/login", everywhere.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/review/inbox")).StatusCode);
        Assert.Empty(await MismatchesAsync(copied, "copied cookie after sign-out everywhere", Stranger));
        Assert.Empty(await MismatchesAsync(elsewhere, "another device after sign-out everywhere", Stranger));
        using var again = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);
        Assert.Empty(await MismatchesAsync(again, "clerk signed in again", InRole("clerk")));
    }

    [Fact]
    public async Task Should_end_only_the_revoked_token_when_its_holder_revokes_it()
    {
        using var siti = await DeskSession.SignInAsync(Desk, Desk.ClerkName, Desk.PeoplePassword);
        using var script = await TokenAsync(Desk.ClerkName, Desk.PeoplePassword);

        using var revoked = await script.DeleteAsync("/api/v1/auth/token");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Empty(await MismatchesAsync(script, "revoked token", Stranger));
        Assert.Empty(await MismatchesAsync(siti, "the same clerk's other session", InRole("clerk")));
    }

    [Fact]
    public async Task Should_deny_the_old_key_all_a_stranger_is_denied_when_an_admin_revokes_it()
    {
        using var integration = DeskSession.NewClient(Desk);
        integration.DefaultRequestHeaders.Add("X-Api-Key", DeskSettings.ApiKey);
        Assert.Empty(await MismatchesAsync(integration, "integration before", InRole("integration")));

        using var response = await DeskSession.PostFormAsync(admin, "/admin/keys?handler=Revoke", new Dictionary<string, string> { ["Name"] = "default" }, formPage: "/admin/keys");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Empty(await MismatchesAsync(integration, "revoked integration key", Stranger));
    }

    private async Task CreateUserAsync(string userName, string role)
    {
        using var api = await Desk.AdminAsync();
        var created = await api.PostAsJsonAsync("/api/v1/users", new { userName, password = Desk.PeoplePassword, roles = new[] { role } });
        created.EnsureSuccessStatusCode();
    }
}
