using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Bounds;

/// <summary>The standalone desk: SQLite and the in-memory transport, every stage in one process.</summary>
public sealed class ScanQueueSpecsInMemory : ScanQueueSpecs, IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    internal override async Task<(Desk Desk, IAsyncDisposable Running)> StartAsync(Dictionary<string, string> settings)
    {
        var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path, Extra = settings });
        return (desk, desk);
    }
}
