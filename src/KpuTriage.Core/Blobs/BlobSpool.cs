using System.Security.Cryptography;

namespace KpuTriage.Core.Blobs;

/// <summary>
/// Receives content into a temporary file of this machine while hashing and counting it, so a
/// store learns the address before it keeps anything, and a refused or interrupted upload
/// leaves nothing behind: only a bounded buffer is ever in memory, whatever the file's size.
/// </summary>
internal static class BlobSpool
{
    public const int HeadSize = 8192;
    private const int BufferSize = 81920;

    /// <summary>
    /// A spool file not written to for this long was left by a process that died mid-upload (a
    /// SIGKILL runs no cleanup): no upload pauses that long, and a stored one no longer needs it.
    /// </summary>
    public static readonly TimeSpan LeftoverAge = TimeSpan.FromHours(1);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Swept = new(StringComparer.Ordinal);

    /// <param name="flushToDisk">Whether the spool file itself must survive a power cut (the folder store moves it into place).</param>
    /// <param name="store">Keeps the spooled content at its address, when the caller commits.</param>
    public static async Task<PendingBlob> ReceiveAsync(
        string spoolDirectory, Stream content, long maxBytes, bool flushToDisk, Func<PendingBlob, CancellationToken, Task> store, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(spoolDirectory);
        if (Swept.TryAdd(spoolDirectory, true))
        {
            RemoveLeftovers(spoolDirectory);
        }

        var tempPath = Path.Combine(spoolDirectory, Guid.NewGuid().ToString("N"));
        var head = new byte[HeadSize];
        var headLength = 0;
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return PendingBlob.TooLarge(tempPath, maxBytes);
                    }

                    if (headLength < HeadSize)
                    {
                        var take = Math.Min(read, HeadSize - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                if (flushToDisk)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            return new PendingBlob(store, tempPath, sha, size, head.AsMemory(0, headLength));
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    /// <summary>Deletes the spool files of uploads interrupted before this process started; once per folder and process.</summary>
    internal static void RemoveLeftovers(string spoolDirectory)
    {
        var before = DateTime.UtcNow - LeftoverAge;
        foreach (var file in new DirectoryInfo(spoolDirectory).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < before)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException)
                {
                    // Another process's cleanup got it first.
                }
            }
        }
    }
}
