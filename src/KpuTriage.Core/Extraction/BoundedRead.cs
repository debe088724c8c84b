namespace KpuTriage.Core.Extraction;

/// <summary>Reads a whole stream into memory, giving up once it passes a size limit.</summary>
internal static class BoundedRead
{
    private const int ChunkSize = 81_920;

    /// <returns>The bytes, or null when the stream holds more than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAllAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            return null;
        }

        await using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
