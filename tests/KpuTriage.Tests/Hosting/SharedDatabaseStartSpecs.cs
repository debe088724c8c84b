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

    /// <summary>
    /// An office's server checks passwords (the shared test server trusts everyone, so a lost
    /// password would go unseen there): a private one with scram-sha-256 and a role of the
    /// office's own. The lock is held by the test first, so both hosts are seen waiting for it,
    /// each on a connection signed in with the password, then both set up and start.
    /// </summary>
    [Fact]
    public async Task Should_take_the_startup_lock_and_start_both_hosts_when_the_office_signs_in_to_PostgreSQL_with_a_password()
    {
        await using var server = await PrivatePostgres.StartAsync(passwords: true);
        await ExecuteAsync(server.ConnectionString, "CREATE ROLE kantor LOGIN PASSWORD 'sandi-kantor-2025'");
        await ExecuteAsync(server.ConnectionString, "CREATE DATABASE kantor OWNER kantor");
        var office = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Username = "kantor", Password = "sandi-kantor-2025", Database = "kantor" }.ConnectionString;
        var wrong = new NpgsqlConnectionStringBuilder(office) { Password = "bukan-sandinya" }.ConnectionString;
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(wrong, "SELECT 1"));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);

        // Advisory locks belong to one database: the holder takes it in the office's.
        await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "kantor" }.ConnectionString);
        await holder.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
        {
            take.Parameters.AddWithValue("key", StartupLock.Key);
            await take.ExecuteNonQueryAsync();
        }

        var starts = Enumerable.Range(1, 2).Select(n => Desk.StartAsync(new DeskSettings
        {
            DataDirectory = Path.Combine(data.Path, $"office-host-{n}"),
            PostgresConnectionString = office,
            Stages = "",
        })).ToList();
        try
        {
            await using var waiting = new NpgsqlCommand(
                """
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND NOT l.granted AND a.usename = 'kantor'
                  AND l.classid::bigint * 4294967296 + l.objid::bigint = @key
                """, holder);
            waiting.Parameters.AddWithValue("key", StartupLock.Key);
            Assert.True(
                await Eventually.TrueAsync(async () => (long)(await waiting.ExecuteScalarAsync())! == 2, TimeSpan.FromMinutes(1)),
                $"two hosts signed in as kantor should wait for the startup lock; started: {starts.Count(s => s.IsCompleted)}");
            Assert.DoesNotContain(starts, s => s.IsCompleted);

            await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", holder))
            {
                release.Parameters.AddWithValue("key", StartupLock.Key);
                await release.ExecuteNonQueryAsync();
            }

            var desks = await Task.WhenAll(starts);
            foreach (var desk in desks)
            {
                using var client = desk.NewClient();
                using var health = await client.GetAsync("/health");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            }

            Assert.Empty(await desks[1].QueryAsync(db => db.Database.GetPendingMigrationsAsync()));
        }
        finally
        {
            foreach (var start in starts)
            {
                if (await Task.WhenAny(start, Task.Delay(TimeSpan.FromMinutes(2))) == start && start.IsCompletedSuccessfully)
                {
                    await (await start).DisposeAsync();
                }
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

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
