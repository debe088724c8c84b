using System.Net;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Hosting;

/// <summary>
/// A deploy starts the Web host and the Workers together on one office database, fresh or
/// older than the release: they must take turns setting it up, not apply the same migration
/// twice ("column … already exists") or make the first-run accounts twice.
/// </summary>
public sealed class SharedDatabaseStartSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_start_every_host_and_set_the_database_up_once_when_four_hosts_start_together_on_a_fresh_database()
    {
        var starts = Enumerable.Range(1, 4).Select(n => Desk.StartAsync(new DeskSettings
        {
            DataDirectory = Path.Combine(data.Path, $"host-{n}"),
            PostgresConnectionString = database.ConnectionString,
            Stages = "",
        })).ToList();
        try
        {
            var desks = await Task.WhenAll(starts);
            foreach (var desk in desks)
            {
                using var client = desk.NewClient();
                using var health = await client.GetAsync("/health");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            var pending = await desks[0].QueryAsync(db => db.Database.GetPendingMigrationsAsync());
            Assert.Empty(pending);
        }
        finally
        {
            // Every start is awaited again, so a host that did start is stopped even when another failed.
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await (await start).DisposeAsync();
            }
        }
    }
}
