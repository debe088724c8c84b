using System.Net;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.KeyRing;

/// <summary>
/// The standalone desk keeps its data-protection keys in its SQLite database too: the database
/// (and the ledger key) is all there is to back up, and a data folder restored without a keys
/// folder still accepts the sessions it issued.
/// </summary>
public sealed class KeyRingOnSqliteSpecs : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Should_accept_a_token_issued_before_a_restart_when_the_data_folder_has_no_keys_folder()
    {
        var settings = new DeskSettings { DataDirectory = data.Path, Stages = "" };
        System.Net.Http.Headers.AuthenticationHeaderValue token;
        await using (var before = await Desk.StartAsync(settings))
        {
            using var admin = await before.AdminAsync();
            token = admin.DefaultRequestHeaders.Authorization!;
        }

        var keys = Path.Combine(data.Path, "keys");
        if (Directory.Exists(keys))
        {
            Directory.Delete(keys, recursive: true);
        }

        await using var after = await Desk.StartAsync(settings);
        using var client = after.NewClient();
        client.DefaultRequestHeaders.Authorization = token;
        using var users = await client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
    }
}
