namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// Specs that run once per storage provider: a derived class says which. Each spec gets its
/// own data folder and, on PostgreSQL, its own database, dropped afterwards.
/// </summary>
public abstract class OnEachStorage : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private PostgresDatabase? postgres;

    protected abstract bool UsePostgres { get; }

    internal string DataDirectory => data.Path;

    internal string? PostgresConnectionString => postgres?.ConnectionString;

    public virtual async Task InitializeAsync()
    {
        if (UsePostgres)
        {
            postgres = await PostgresDatabase.CreateAsync();
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        data.Dispose();
    }
}
