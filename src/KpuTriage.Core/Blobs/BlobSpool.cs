using System.Security.Cryptography;

namespace KpuTriage.Core.Blobs;

/// <summary>
/// Receives content into a temporary file of this machine while hashing and counting it, so a
/// store learns the address before it keeps anything, and a refused or interrupted upload
/// leaves nothing behind: only a bounded buffer is ever in memory, whatever the file's size.
/// Content of at most <see cref="InMemoryLimit"/> bytes that need not survive a power cut
/// stays in that buffer: most letters are that small, and a file made, written, read back and
/// deleted for each of them was a fifth of the intake's work (issue 16's profile).
/// </summary>
internal static class BlobSpool
{
    public const int HeadSize = 8192;
    private const int BufferSize = 81920;

    /// <summary>The most a pending blob keeps in memory instead of a spool file (when the spool need not be flushed).</summary>
    public const int InMemoryLimit = 256 * 1024;

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
        // Filled up to InMemoryLimit while the content fits (never when the spool must be flushed).
        var memory = flushToDisk ? null : new MemoryStream();
        FileStream? file = null;
        try
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
                if (memory is not null && size <= InMemoryLimit)
                {
                    memory.Write(buffer, 0, read);
                    continue;
                }

                file ??= await OpenSpoolFileAsync(tempPath, memory, cancellationToken);
                memory = null;
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (memory is null)
            {
                // Empty content still leaves a file when the store moves the spool into place.
                file ??= await OpenSpoolFileAsync(tempPath, null, cancellationToken);
                await file.FlushAsync(cancellationToken);
                if (flushToDisk)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            return memory is not null
                ? new PendingBlob(store, new ArraySegment<byte>(memory.GetBuffer(), 0, (int)memory.Length), sha, size, head.AsMemory(0, headLength))
                : new PendingBlob(store, tempPath, sha, size, head.AsMemory(0, headLength));
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
        finally
        {
            if (file is not null)
            {
                await file.DisposeAsync();
            }
        }
    }

    private static async Task<FileStream> OpenSpoolFileAsync(string path, MemoryStream? soFar, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        if (soFar is { Length: > 0 })
        {
            await file.WriteAsync(soFar.GetBuffer().AsMemory(0, (int)soFar.Length), cancellationToken);
        }

        return file;
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
