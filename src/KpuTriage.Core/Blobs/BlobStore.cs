using System.Security.Cryptography;

namespace KpuTriage.Core.Blobs;

/// <summary>
/// Content-addressed file store: a blob lives at <c>{root}/ab/cd/{sha256}</c>. Content is
/// first streamed to a temporary file while hashed and counted, and moved into place only
/// when the caller commits, so a refused or interrupted upload leaves nothing behind.
/// </summary>
public sealed class BlobStore(string root)
{
    public const int HeadSize = 8192;

    public string Root { get; } = Path.GetFullPath(root);

    public async Task<PendingBlob> ReceiveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var incoming = Path.Combine(Root, "incoming");
        Directory.CreateDirectory(incoming);
        var tempPath = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        var head = new byte[HeadSize];
        var headLength = 0;
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var file = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
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
                file.Flush(flushToDisk: true);
            }

            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            return new PendingBlob(this, tempPath, sha, size, head.AsMemory(0, headLength));
        }
        catch
        {
            File.Delete(tempPath);
            throw;
        }
    }

    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case SHA-256 hex string.", nameof(sha256));
        }

        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }

    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));
}
