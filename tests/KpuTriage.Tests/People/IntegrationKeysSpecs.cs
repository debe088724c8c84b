using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Refusals;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.People;

/// <summary>What a key may be made with: the rules on its name and further sources (the HTTP attacks are in IntegrationScopeSpecs).</summary>
public sealed class IntegrationKeysSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private SqliteTriageDb db = null!;
    private IntegrationKeys keys = null!;

    public async Task InitializeAsync()
    {
        db = new SqliteTriageDb(new DbContextOptionsBuilder<SqliteTriageDb>().UseSqlite($"Data Source={Path.Combine(data.Path, "k.db")}").Options);
        await db.Database.MigrateAsync();
        keys = new IntegrationKeys(db, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_act_as_its_name_first_then_its_further_sources_once_each()
    {
        var issued = await keys.CreateAsync(" srikandi ", ["srikandi-amqp", " srikandi-amqp", "srikandi", ""], null, CancellationToken.None);

        Assert.Equal(["srikandi", "srikandi-amqp"], issued.Sources);
        var found = await keys.FindAsync(issued.Secret, CancellationToken.None);
        Assert.Equal(["srikandi", "srikandi-amqp"], found!.Sources);
    }

    [Theory]
    [InlineData("tab\there")]
    [InlineData("koma,dua")]
    [InlineData("rlo\u202Eevil")]
    [InlineData("dua  spasi")]
    public async Task Should_refuse_a_further_source_that_is_not_a_plain_name(string source)
    {
        var refused = await Assert.ThrowsAsync<RefusedException>(() => keys.CreateAsync("gateway", [source], null, CancellationToken.None));

        Assert.Equal("key-source-invalid", refused.Refusal.Code);
        Assert.False(await db.ApiKeys.AnyAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("nul\0byte")]
    [InlineData("zero\u200Bwidth")]
    public async Task Should_refuse_a_name_that_is_not_a_plain_name(string name)
    {
        var refused = await Assert.ThrowsAsync<RefusedException>(() => keys.CreateAsync(name, [], null, CancellationToken.None));

        Assert.Equal("key-name-invalid", refused.Refusal.Code);
    }

    [Fact]
    public async Task Should_refuse_a_name_longer_than_a_hundred_characters()
    {
        var refused = await Assert.ThrowsAsync<RefusedException>(() => keys.CreateAsync(new string('a', 101), [], null, CancellationToken.None));

        Assert.Equal("key-name-invalid", refused.Refusal.Code);
    }

    [Fact]
    public async Task Should_refuse_more_further_sources_than_the_limit()
    {
        var sources = Enumerable.Range(1, IntegrationKeys.MaxFurtherSources + 1).Select(n => $"sumber-{n}");

        var refused = await Assert.ThrowsAsync<RefusedException>(() => keys.CreateAsync("gateway", sources, null, CancellationToken.None));

        Assert.Equal("key-sources-too-many", refused.Refusal.Code);
    }

    [Theory]
    [InlineData("folder", new string[0])]
    [InlineData("pemindai", new[] { "folder" })]
    public async Task Should_refuse_the_watched_folders_source_as_a_name_or_a_further_source(string name, string[] sources)
    {
        var refused = await Assert.ThrowsAsync<RefusedException>(() => keys.CreateAsync(name, sources, null, CancellationToken.None));

        Assert.Equal("key-source-reserved", refused.Refusal.Code);
    }

    [Fact]
    public async Task Should_find_no_key_once_it_is_revoked()
    {
        var issued = await keys.CreateAsync("gateway", [], null, CancellationToken.None);

        Assert.True(await keys.RevokeAsync("gateway", CancellationToken.None));

        Assert.Null(await keys.FindAsync(issued.Secret, CancellationToken.None));
        Assert.False(await keys.RevokeAsync("tidak-ada", CancellationToken.None));
    }

    [Theory]
    [InlineData("siti", new string[0])]
    [InlineData("gateway", new[] { "SITI" })]
    [InlineData("gateway", new[] { "ｓｉｔｉ" })]
    public async Task Should_refuse_a_key_acting_as_a_persons_name_when_people_submit_under_their_names(string name, string[] sources)
    {
        await Accounts().CreateUserAsync("Siti", "meja-surat-untuk-uji", ["clerk"], "test", CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RefusedException>(() => keys.CreateAsync(name, sources, null, CancellationToken.None));

        Assert.Equal("key-source-is-person", refused.Refusal.Code);
        Assert.False(await db.ApiKeys.AnyAsync());
    }

    [Theory]
    [InlineData("Srikandi")]
    [InlineData("srikandi-amqp")]
    [InlineData("folder")]
    [InlineData("AMQP")]
    public async Task Should_refuse_a_user_name_that_is_a_source_when_a_key_or_channel_acts_as_it(string userName)
    {
        await keys.CreateAsync("srikandi", ["srikandi-amqp"], null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RefusedException>(() =>
            Accounts().CreateUserAsync(userName, "meja-surat-untuk-uji", ["clerk"], "test", CancellationToken.None));

        Assert.Equal("user-name-is-source", refused.Refusal.Code);
        Assert.False(await db.Users.AnyAsync());
    }

    private AccountService Accounts() => new(db, new KpuTriage.Core.Ledger.DecisionLedger(db, TimeProvider.System), TimeProvider.System);
}
