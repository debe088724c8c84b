using System.Net;
using KpuTriage.Core.Persistence;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KpuTriage.Tests.Hosting;

/// <summary>
/// A deploy starts the Web host and the Workers together on one office database, fresh or
/// older than the release: they must take turns setting it up, not apply the same migration
/// twice ("column … already exists") or make the first-run accounts twice. And each keeps to its
/// share of the server's connections however many requests arrive at once: a Web host answering
/// a burst of uploads with two pools of Npgsql's default 100 took every connection of the
/// server, and the other hosts were refused with "too many clients" (53300).
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

    [Fact]
    public async Task Should_open_at_most_the_pool_size_of_connections_when_a_hundred_uploads_arrive_at_once()
    {
        await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path, PostgresConnectionString = database.ConnectionString });
        await using var watcher = new NpgsqlConnection(database.ConnectionString);
        await watcher.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", watcher);

        var uploads = Task.WhenAll(Enumerable.Range(0, 100).Select(i => desk.SubmitOkAsync($"surat-{i}.txt", Letters.UndanganBytes(3000 + i))));
        var most = 0L;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!uploads.IsCompleted)
        {
            if (DateTime.UtcNow > deadline)
            {
                await using var activity = new NpgsqlCommand("SELECT string_agg(state || ': ' || left(query, 120), E'\n') FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", watcher);
                Assert.Fail($"the uploads did not finish in 2 minutes; the desk's sessions:\n{await activity.ExecuteScalarAsync()}");
            }

            most = Math.Max(most, (long)(await count.ExecuteScalarAsync())!);
            await Task.Delay(10);
        }

        Assert.Equal(100, (await uploads).Distinct().Count());
        Assert.InRange(most, 1, PostgresConnection.DefaultPoolSize);
    }
}
