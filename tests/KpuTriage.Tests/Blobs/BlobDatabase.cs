using KpuTriage.Core.Blobs;
using KpuTriage.Core.Persistence;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KpuTriage.Tests.Blobs;

/// <summary>
/// A fresh office database on the test PostgreSQL server, migrated as a host would, with a
/// data folder beside it; <see cref="Store"/> makes the blob store a host of that office would
/// use. Both are removed afterwards.
/// </summary>
internal sealed class BlobDatabase : IAsyncDisposable
{
    private readonly PostgresDatabase database;
    private readonly List<NpgsqlDataSource> sources = [];

    private BlobDatabase(PostgresDatabase database)
    {
        this.database = database;
    }

    public string ConnectionString => database.ConnectionString;

    public TempDirectory Data { get; } = new();

    public string Folder => Path.Combine(Data.Path, "blobs");

    public static async Task<BlobDatabase> CreateAsync()
    {
        var blobs = new BlobDatabase(await PostgresDatabase.CreateAsync());
        await using var db = blobs.Db();
        await db.Database.MigrateAsync();
        return blobs;
    }

    /// <summary>The store of a host whose own data folder is <paramref name="dataDirectory"/> (default: the shared one).</summary>
    public PostgresBlobStore Store(string? dataDirectory = null)
    {
        var source = NpgsqlDataSource.Create(ConnectionString);
        sources.Add(source);
        var data = dataDirectory ?? Data.Path;
        return new PostgresBlobStore(source, Path.Combine(data, "incoming"), new FolderBlobStore(Path.Combine(data, "blobs")), TimeProvider.System);
    }

    public PostgresTriageDb Db() => new(new DbContextOptionsBuilder<PostgresTriageDb>().UseNpgsql(ConnectionString).Options);

    public async Task<T> QueryAsync<T>(Func<PostgresTriageDb, Task<T>> query)
    {
        await using var db = Db();
        return await query(db);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }

        await database.DisposeAsync();
        Data.Dispose();
    }
}
