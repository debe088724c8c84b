namespace KpuTriage.Core.Blobs;

/// <summary>
/// Content received into a spool file (or, when small and the store needs no file, into memory)
/// and hashed, not yet in the store. Disposing it deletes the spool file; committing stores the
/// content first.
/// </summary>
public sealed class PendingBlob : IDisposable
{
    private readonly Func<PendingBlob, CancellationToken, Task>? store;

    private readonly ArraySegment<byte>? inMemory;

    internal PendingBlob(Func<PendingBlob, CancellationToken, Task>? store, string spoolPath, string sha256, long size, ReadOnlyMemory<byte> head)
    {
        this.store = store;
        SpoolPath = spoolPath;
        Sha256 = sha256;
        Size = size;
        Head = head;
    }

    internal PendingBlob(Func<PendingBlob, CancellationToken, Task> store, ArraySegment<byte> content, string sha256, long size, ReadOnlyMemory<byte> head)
        : this(store, "", sha256, size, head) => inMemory = content;

    public string Sha256 { get; }
    public long Size { get; }
    public ReadOnlyMemory<byte> Head { get; }

    /// <summary>Set when the content exceeded the limit; the rest was not read.</summary>
    public long? ExceededLimit { get; private init; }

    /// <summary>The spool file; empty when the content is in memory (see <see cref="OpenContent"/>).</summary>
    internal string SpoolPath { get; }

    internal Stream OpenContent() => inMemory is { } content
        ? new MemoryStream(content.Array!, content.Offset, content.Count, writable: false)
        : new FileStream(SpoolPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

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
        Dispose();
    }

    public void Dispose()
    {
        if (SpoolPath.Length > 0)
        {
            File.Delete(SpoolPath);
        }
    }
}
