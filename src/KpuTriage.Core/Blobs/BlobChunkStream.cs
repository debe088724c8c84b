using System.Data;
using System.Security.Cryptography;
using Npgsql;

namespace KpuTriage.Core.Blobs;

/// <summary>
/// A <see cref="StoredBlob"/> read forward one chunk at a time: each chunk is fetched on its own
/// (no connection is held while the reader works, however slow), and only one chunk is in memory.
/// The content is hashed as it passes, and reading to the end throws when it does not match its
/// address, its size, or a chunk is missing: damage in the database is never read as a letter.
/// </summary>
internal sealed class BlobChunkStream(NpgsqlDataSource database, string sha256, long size, int chunkCount) : Stream
{
    // No larger than the blob: most letters are a few kilobytes, and a megabyte per read went
    // to the large-object heap, and to a full collection, for each of them.
    private readonly byte[] chunk = new byte[Math.Clamp(size, 1, PostgresBlobStore.ChunkSize)];
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int nextChunk;
    private int offset;
    private int length;
    private long position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => size;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (offset == length && !Fill())
        {
            return 0;
        }

        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (offset == length && !await FillAsync(cancellationToken))
        {
            return 0;
        }

        return Take(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, length - offset);
        chunk.AsSpan(offset, count).CopyTo(buffer);
        offset += count;
        position += count;
        return count;
    }

    /// <returns>False at the end of the blob, once its content has been checked.</returns>
    private bool Fill()
    {
        while (!AtEnd())
        {
            using var command = ChunkQuery();
            using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
            if (!reader.Read())
            {
                throw Missing();
            }

            using var data = reader.GetStream(0);
            if (Accept(data.ReadAtLeast(chunk, Checked(data.Length), throwOnEndOfStream: true)))
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        while (!AtEnd())
        {
            await using var command = ChunkQuery();
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw Missing();
            }

            await using var data = reader.GetStream(0);
            if (Accept(await data.ReadAtLeastAsync(chunk, Checked(data.Length), throwOnEndOfStream: true, cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    /// <returns>True when every chunk has been read and the content matches its address; throws when it does not.</returns>
    private bool AtEnd()
    {
        if (nextChunk < chunkCount)
        {
            return false;
        }

        var actual = Convert.ToHexStringLower(hash.GetCurrentHash());
        return position == size && actual == sha256
            ? true
            : throw Damaged($"{position:N0} of {size:N0} bytes read, hashing to {actual}");
    }

    private NpgsqlCommand ChunkQuery()
    {
        var command = database.CreateCommand("""SELECT "Data" FROM "BlobChunks" WHERE "Sha256" = $1 AND "Index" = $2""");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = nextChunk });
        return command;
    }

    private int Checked(long chunkLength) =>
        chunkLength <= chunk.Length ? (int)chunkLength : throw Damaged($"chunk {nextChunk} holds {chunkLength:N0} bytes");

    /// <returns>Whether the chunk just read holds anything to give.</returns>
    private bool Accept(int read)
    {
        hash.AppendData(chunk, 0, read);
        (offset, length) = (0, read);
        nextChunk++;
        return read > 0;
    }

    private InvalidDataException Missing() => Damaged($"chunk {nextChunk} of {chunkCount} is missing");

    private InvalidDataException Damaged(string how) => new($"blob {sha256} in the database is damaged: {how}");
}
