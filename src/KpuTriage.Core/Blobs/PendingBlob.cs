namespace KpuTriage.Core.Blobs;

/// <summary>
/// Content received into a temporary file and hashed, not yet in the store. Disposing it
/// without <see cref="Commit"/> deletes the temporary file.
/// </summary>
public sealed class PendingBlob : IDisposable
{
    private readonly BlobStore? store;
    private readonly string tempPath;
    private bool committed;

    internal PendingBlob(BlobStore? store, string tempPath, string sha256, long size, ReadOnlyMemory<byte> head)
    {
        this.store = store;
        this.tempPath = tempPath;
        Sha256 = sha256;
        Size = size;
        Head = head;
    }

    public string Sha256 { get; }
    public long Size { get; }
    public ReadOnlyMemory<byte> Head { get; }

    /// <summary>Set when the content exceeded the limit; the rest was not read.</summary>
    public long? ExceededLimit { get; private init; }

    internal static PendingBlob TooLarge(string tempPath, long limit) =>
        new(null, tempPath, "", 0, ReadOnlyMemory<byte>.Empty) { ExceededLimit = limit };

    /// <summary>Moves the content to its address. Same content already stored is kept as is.</summary>
    public void Commit()
    {
        if (store is null || ExceededLimit is not null)
        {
            throw new InvalidOperationException("Refused content cannot be committed.");
        }

        var target = store.PathOf(Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            try
            {
                File.Move(tempPath, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another upload of the same content won the race; the bytes are identical.
            }
        }

        committed = true;
        File.Delete(tempPath);
    }

    public void Dispose()
    {
        if (!committed)
        {
            File.Delete(tempPath);
        }
    }
}
