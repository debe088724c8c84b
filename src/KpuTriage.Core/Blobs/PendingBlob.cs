namespace KpuTriage.Core.Blobs;

/// <summary>
/// Content received into a spool file and hashed, not yet in the store. Disposing it deletes
/// the spool file; committing stores the content first.
/// </summary>
public sealed class PendingBlob : IDisposable
{
    private readonly Func<PendingBlob, CancellationToken, Task>? store;

    internal PendingBlob(Func<PendingBlob, CancellationToken, Task>? store, string spoolPath, string sha256, long size, ReadOnlyMemory<byte> head)
    {
        this.store = store;
        SpoolPath = spoolPath;
        Sha256 = sha256;
        Size = size;
        Head = head;
    }

    public string Sha256 { get; }
    public long Size { get; }
    public ReadOnlyMemory<byte> Head { get; }

    /// <summary>Set when the content exceeded the limit; the rest was not read.</summary>
    public long? ExceededLimit { get; private init; }

    internal string SpoolPath { get; }

    internal static PendingBlob TooLarge(string spoolPath, long limit) =>
        new(null, spoolPath, "", 0, ReadOnlyMemory<byte>.Empty) { ExceededLimit = limit };

    /// <summary>Stores the content at its address, durably, before returning. Same content already stored is kept as is.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (store is null || ExceededLimit is not null)
        {
            throw new InvalidOperationException("Refused content cannot be committed.");
        }

        await store(this, cancellationToken);
        File.Delete(SpoolPath);
    }

    public void Dispose() => File.Delete(SpoolPath);
}
