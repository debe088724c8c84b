using Npgsql;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>A fresh database on the test PostgreSQL server, dropped afterwards.</summary>
internal sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string name = "kpt_" + Guid.NewGuid().ToString("N");

    private readonly string server;

    private PostgresDatabase(string server)
    {
        this.server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    /// <param name="server">A server's connection string; the shared test server when null.</param>
    public static async Task<PostgresDatabase> CreateAsync(string? server = null)
    {
        var database = new PostgresDatabase(server ?? TestServers.Postgres);
        await database.ExecuteOnServerAsync($"CREATE DATABASE {database.name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
