using System.Net;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.KeyRing;

/// <summary>
/// The certificate that encrypts the session keys in the database is rolled over: the desk
/// restarts with a new DataProtection:CertificatePath and the old certificate under
/// DataProtection:PreviousCertificates, and the cookies and bearer tokens issued before still
/// work. Without the old certificate the desk starts but cannot read the keys it encrypted
/// (ASP.NET Core logs the failure, skips those keys and makes a new one): everyone signs in again.
/// </summary>
public sealed class CertificateRotationSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private PostgresDatabase database = null!;
    private string oldCertificate = null!;
    private string newCertificate = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        oldCertificate = KeyCertificate.Write(data.Path, "old.pfx");
        newCertificate = KeyCertificate.Write(data.Path, "new.pfx");
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_keep_every_session_when_the_desk_restarts_with_a_new_certificate_and_the_old_one_as_previous()
    {
        var (cookies, bearer) = await SignInUnderOldCertificateAsync();

        await using var rotated = await Desk.StartAsync(Settings(new()
        {
            ["DataProtection:CertificatePath"] = newCertificate,
            ["DataProtection:CertificatePassword"] = KeyCertificate.Password,
            ["DataProtection:PreviousCertificates:0:Path"] = oldCertificate,
            ["DataProtection:PreviousCertificates:0:Password"] = KeyCertificate.Password,
        }));

        var (page, api) = await UseAsync(rotated, cookies, bearer);
        Assert.Equal(HttpStatusCode.OK, page);
        Assert.Equal(HttpStatusCode.OK, api);
    }

    [Fact]
    public async Task Should_start_but_sign_everyone_out_when_the_desk_restarts_with_a_new_certificate_without_the_old_one()
    {
        var (cookies, bearer) = await SignInUnderOldCertificateAsync();

        await using var rotated = await Desk.StartAsync(Settings(KeyCertificate.Settings(newCertificate)));

        var (page, api) = await UseAsync(rotated, cookies, bearer);
        Assert.Equal(HttpStatusCode.Redirect, page);
        Assert.Equal(HttpStatusCode.Unauthorized, api);
        // A new sign-in works at once: the desk made a key under the new certificate.
        using var again = await DeskSession.SignInAsync(rotated, Desk.ClerkName, Desk.PeoplePassword);
        using var inbox = await again.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_to_start_naming_the_entry_when_a_previous_certificate_file_is_missing()
    {
        var missing = Path.Combine(data.Path, "retired.pfx");

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => Desk.StartAsync(Settings(new()
        {
            ["DataProtection:CertificatePath"] = newCertificate,
            ["DataProtection:CertificatePassword"] = KeyCertificate.Password,
            ["DataProtection:PreviousCertificates:0:Path"] = missing,
        })));

        Assert.Contains($"DataProtection:PreviousCertificates:0:Path '{missing}' does not exist", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_start_naming_the_password_entry_when_a_previous_certificate_password_is_wrong()
    {
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => Desk.StartAsync(Settings(new()
        {
            ["DataProtection:CertificatePath"] = newCertificate,
            ["DataProtection:CertificatePassword"] = KeyCertificate.Password,
            ["DataProtection:PreviousCertificates:0:Path"] = oldCertificate,
            ["DataProtection:PreviousCertificates:0:Password"] = "bukan-sandinya",
        })));

        Assert.Contains("DataProtection:PreviousCertificates:0:Password", refusal.Message, StringComparison.Ordinal);
    }

    /// <summary>A clerk signs in (desk cookie and bearer token) on a desk whose keys the old certificate encrypts; the desk then stops.</summary>
    private async Task<(CookieContainer Cookies, System.Net.Http.Headers.AuthenticationHeaderValue Bearer)> SignInUnderOldCertificateAsync()
    {
        await using var before = await Desk.StartAsync(Settings(KeyCertificate.Settings(oldCertificate)));
        await before.EnsurePeopleAsync();
        var cookies = new CookieContainer();
        using var session = await DeskSession.SignInAsync(before, Desk.ClerkName, Desk.PeoplePassword, cookies);
        using var tokens = await before.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        var (page, api) = await UseAsync(before, cookies, tokens.DefaultRequestHeaders.Authorization!);
        Assert.Equal(HttpStatusCode.OK, page);
        Assert.Equal(HttpStatusCode.OK, api);
        return (cookies, tokens.DefaultRequestHeaders.Authorization!);
    }

    private static async Task<(HttpStatusCode Page, HttpStatusCode Api)> UseAsync(Desk desk, CookieContainer cookies, System.Net.Http.Headers.AuthenticationHeaderValue bearer)
    {
        using var browser = DeskSession.NewClient(desk, cookies);
        using var page = await browser.GetAsync("/inbox");
        using var client = desk.NewClient();
        client.DefaultRequestHeaders.Authorization = bearer;
        using var api = await client.GetAsync("/api/v1/review/inbox");
        return (page.StatusCode, api.StatusCode);
    }

    private DeskSettings Settings(Dictionary<string, string> extra) => new()
    {
        DataDirectory = Path.Combine(data.Path, "web"),
        PostgresConnectionString = database.ConnectionString,
        Stages = "",
        Extra = extra,
    };
}
