namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// Specs on one running desk, once per storage provider (the derived classes say which),
/// with clerk siti and supervisor budi already made.
/// </summary>
public abstract class DeskOnEachStorage : OnEachStorage
{
    internal Desk Desk { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Desk = await Desk.StartAsync(new DeskSettings { DataDirectory = DataDirectory, PostgresConnectionString = PostgresConnectionString });
        await Desk.EnsurePeopleAsync();
    }

    public override async Task DisposeAsync()
    {
        await Desk.DisposeAsync();
        await base.DisposeAsync();
    }
}
