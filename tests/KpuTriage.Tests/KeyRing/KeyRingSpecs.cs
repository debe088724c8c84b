using System.Net;
using System.Text.RegularExpressions;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.KeyRing;

/// <summary>
/// The keys that protect desk cookies and bearer tokens live in the office database, encrypted
/// with the certificate from DataProtection:CertificatePath: web replicas with data folders of
/// their own accept each other's sessions, and nothing of them is left in a data folder.
/// </summary>
public sealed partial class KeyRingSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private PostgresDatabase database = null!;
    private string certificate = null!;

    public async Task InitializeAsync()
    {
        database = await PostgresDatabase.CreateAsync();
        certificate = KeyCertificate.Write(data.Path);
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_accept_a_bearer_token_and_a_desk_cookie_from_the_other_replica_when_two_desks_share_a_database()
    {
        await using var first = await Desk.StartAsync(Replica("web-1"));
        await using var second = await Desk.StartAsync(Replica("web-2"));
        await first.EnsurePeopleAsync();
        var cookies = new CookieContainer();
        using var onFirst = await DeskSession.SignInAsync(first, Desk.ClerkName, Desk.PeoplePassword, cookies);

        using var bearerOnSecond = second.NewClient();
        bearerOnSecond.DefaultRequestHeaders.Authorization = onFirst.DefaultRequestHeaders.Authorization;
        using var inbox = await bearerOnSecond.GetAsync("/api/v1/review/inbox");
        // Cookies are kept per host, not per port: the second replica on 127.0.0.1 is sent the first one's cookie.
        using var cookieOnSecond = DeskSession.NewClient(second, cookies);
        using var page = await cookieOnSecond.GetAsync("/inbox");

        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(data.Path, "web-1", "keys")), "keys were written to the first replica's data folder");
        Assert.False(Directory.Exists(Path.Combine(data.Path, "web-2", "keys")), "keys were written to the second replica's data folder");
    }

    [Fact]
    public async Task Should_store_every_key_encrypted_when_a_certificate_is_configured()
    {
        await using var desk = await Desk.StartAsync(Replica("web-1"));
        using var admin = await desk.AdminAsync();

        var keys = await desk.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            // An unencrypted key carries its master key in clear: <masterKey …><value>base64</value></masterKey>.
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Should_print_no_warning_about_unencrypted_keys_when_a_certificate_is_configured()
    {
        var withCertificate = await StartupLogAsync("web-encrypted", Replica("web-encrypted"));
        var withoutCertificate = await StartupLogAsync("web-plain", Replica("web-plain") with { Extra = Lifetime });

        Assert.DoesNotContain("No XML encryptor configured", withCertificate, StringComparison.Ordinal);
        // The same log does show the warning when nothing encrypts the keys: the check above could see it.
        Assert.Contains("No XML encryptor configured", withoutCertificate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_start_naming_the_setting_when_the_certificate_file_is_missing()
    {
        var missing = Path.Combine(data.Path, "nowhere.pfx");
        var settings = Replica("web-1") with { Extra = new Dictionary<string, string> { ["DataProtection:CertificatePath"] = missing } };

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => Desk.StartAsync(settings));

        Assert.Contains("DataProtection:CertificatePath", refusal.Message, StringComparison.Ordinal);
        Assert.Contains(missing, refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_start_naming_the_password_setting_when_the_password_is_wrong()
    {
        var settings = Replica("web-1") with
        {
            Extra = new Dictionary<string, string> { ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = "bukan-sandinya" },
        };

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => Desk.StartAsync(settings));

        Assert.Contains("DataProtection:CertificatePassword", refusal.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Lifetime => new() { ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information" };

    private DeskSettings Replica(string name) => new()
    {
        DataDirectory = Path.Combine(data.Path, name),
        PostgresConnectionString = database.ConnectionString,
        Stages = "",
        Extra = new Dictionary<string, string>(KeyCertificate.Settings(certificate).Concat(Lifetime)),
    };

    /// <summary>Runs the built desk as its own process on a fresh database until it listens, and returns what it printed.</summary>
    private async Task<string> StartupLogAsync(string name, DeskSettings settings)
    {
        await using var fresh = await PostgresDatabase.CreateAsync();
        var traces = Directory.CreateDirectory(Path.Combine(data.Path, name + "-trace")).FullName;
        await using var web = TracedHost.Start(name, "KpuTriage.Web", traces,
            [.. (settings with { PostgresConnectionString = fresh.ConnectionString }).ToArgs(), "--Urls=http://127.0.0.1:0"]);
        await web.WaitForOutputAsync(ListeningOn(), TimeSpan.FromMinutes(2));
        await web.StopAsync(TimeSpan.FromMinutes(1));
        return web.Output;
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:\d+")]
    private static partial Regex ListeningOn();
}
