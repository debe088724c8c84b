namespace KpuTriage.Core.Blobs;

/// <summary>
/// The standalone desk's blobs: a blob lives at <c>{root}/ab/cd/{sha256}</c>. Content is spooled
/// (and fsynced) under <c>{root}/incoming</c>, on the same file system, and moved into place on
/// commit, so a reader never sees half a file.
/// </summary>
public sealed class FolderBlobStore(string root) : IBlobStore
{
    private const int BufferSize = 81920;

    public string Root { get; } = Path.GetFullPath(root);

    public Task<PendingBlob> ReceiveAsync(Stream content, long maxBytes, CancellationToken cancellationToken) =>
        BlobSpool.ReceiveAsync(Path.Combine(Root, "incoming"), content, maxBytes, flushToDisk: true, KeepAsync, cancellationToken);

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<BlobFile?> OpenFileAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        return Task.FromResult(File.Exists(path) ? new BlobFile(path, isCopy: false) : null);
    }

    public string PathOf(string sha256)
    {
        BlobAddress.Checked(sha256);
        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }

    /// <summary>Every blob in the folder, by address (the spool and anything not named by a hash are left out).</summary>
    public IEnumerable<(string Sha256, string Path)> All()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.Length == 64 && name.All(char.IsAsciiHexDigitLower) && PathOf(name) == path)
            {
                yield return (name, path);
            }
        }
    }

    private Task KeepAsync(PendingBlob pending, CancellationToken cancellationToken)
    {
        var target = PathOf(pending.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            try
            {
                File.Move(pending.SpoolPath, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                // Another upload of the same content won the race; the bytes are identical.
            }
        }

        return Task.CompletedTask;
    }
}
