using Npgsql;

namespace KpuTriage.Core.Persistence;

/// <summary>
/// Lets one host at a time set the office database up (migrations, first-run accounts, ledger
/// backfill, the prompt folder). EF Core's own migration lock is taken per migration
/// transaction on PostgreSQL, so hosts starting together on a fresh or older database (a Web
/// and two Workers in one deploy) applied the same migration twice and one of them stopped
/// ("column … already exists"). A session advisory lock on a connection of its own is held for
/// the whole setup and released by PostgreSQL if the host dies. SQLite belongs to one process.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any constant no other part of the office takes ("kputriage-startup").
    internal const long Key = 0x6B70_7473_7461_7274;

    private readonly NpgsqlConnection? connection;

    private StartupLock(NpgsqlConnection? connection) => this.connection = connection;

    /// <param name="database">The host's PostgreSQL pool; null on SQLite.</param>
    public static async Task<StartupLock> TakeAsync(NpgsqlDataSource? database, CancellationToken ct)
    {
        if (database is null)
        {
            return new StartupLock(null);
        }

        var connection = await database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            // Released by hand: a pooled session would otherwise keep the lock after Dispose.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The session is gone, and its lock with it.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
