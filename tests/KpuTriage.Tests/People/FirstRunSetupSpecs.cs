using KpuTriage.Core.Ledger;
using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KpuTriage.Tests.People;

public sealed class FirstRunSetupSpecs : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private async Task<SqliteTriageDb> OpenAsync()
    {
        var db = new SqliteTriageDb(new DbContextOptionsBuilder<SqliteTriageDb>().UseSqlite($"Data Source={Path.Combine(data.Path, "t.db")}").Options);
        await db.Database.MigrateAsync();
        return db;
    }

    private static PasswordSignIn SignIn(TriageDb db) => new(db, TimeProvider.System, Options.Create(new SignInThrottleOptions()));

    private static async Task<string> RunAsync(TriageDb db, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var console = new StringWriter();
        await new FirstRunSetup(db, new AccountService(db, new DecisionLedger(db, TimeProvider.System), TimeProvider.System), new IntegrationKeys(db, TimeProvider.System), configuration).RunAsync(console, CancellationToken.None);
        return console.ToString();
    }

    [Fact]
    public async Task Should_generate_and_print_admin_password_and_api_key_once_when_none_are_configured()
    {
        await using var db = await OpenAsync();

        var first = await RunAsync(db, []);
        var second = await RunAsync(db, []);

        var password = first.Split("password: ")[1].Split('\n')[0].Trim();
        var key = first.Split("(X-Api-Key): ")[1].Split('\n')[0].Trim();
        var accounts = new AccountService(db, new DecisionLedger(db, TimeProvider.System), TimeProvider.System);
        Assert.NotNull((await SignIn(db).SignInAsync("admin", password, CancellationToken.None)).User);
        Assert.NotNull(await new IntegrationKeys(db, TimeProvider.System).FindAsync(key, CancellationToken.None));
        Assert.Equal("", second);
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Should_use_the_given_secrets_and_print_nothing_when_both_variables_are_set()
    {
        await using var db = await OpenAsync();

        var output = await RunAsync(db, new() { [FirstRunSetup.AdminPasswordVariable] = "kata-sandi-admin-pertama", [FirstRunSetup.ApiKeyVariable] = "the-integration-key-123" });

        Assert.Equal("", output);
        var accounts = new AccountService(db, new DecisionLedger(db, TimeProvider.System), TimeProvider.System);
        Assert.NotNull((await SignIn(db).SignInAsync("admin", "kata-sandi-admin-pertama", CancellationToken.None)).User);
        Assert.Null((await SignIn(db).SignInAsync("admin", "another-password", CancellationToken.None)).User);
        Assert.NotNull(await new IntegrationKeys(db, TimeProvider.System).FindAsync("the-integration-key-123", CancellationToken.None));
        Assert.DoesNotContain(await db.ApiKeys.Select(k => k.KeyHash).ToListAsync(), h => h.Contains("the-integration-key", StringComparison.Ordinal));
    }
}
