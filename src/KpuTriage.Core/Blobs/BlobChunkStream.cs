using System.Data;
using System.Security.Cryptography;
using Npgsql;

namespace KpuTriage.Core.Blobs;

/// <summary>
/// A <see cref="StoredBlob"/> read one chunk at a time: each chunk is fetched on its own
/// (no connection is held while the reader works, however slow), and only one chunk is in memory.
/// Read from the start, the content is hashed as it passes, and reading to the end throws when it
/// does not match its address, its size, or a chunk is missing: damage in the database is never
/// read as a letter. The stream seeks, so the desk answers HTTP range requests from it: a seek
/// only moves to the chunk holding the new position, and that chunk is fetched from there on
/// (substring on the server), so a range of a 50 MB file costs the range, not the file. A range
/// cannot be checked against the whole file's hash; its size still is, when read to the end.
/// </summary>
internal sealed class BlobChunkStream(NpgsqlDataSource database, string sha256, long size, int chunkCount) : Stream
{
    // No larger than the blob: most letters are a few kilobytes, and a megabyte per read went
    // to the large-object heap, and to a full collection, for each of them.
    private readonly byte[] chunk = new byte[Math.Clamp(size, 1, PostgresBlobStore.ChunkSize)];
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int nextChunk;
    private int skip;
    private bool hashing = true;
    private int offset;
    private int length;
    private long position;

    // Where the bytes in memory start in the blob: a seek among them fetches nothing again.
    private long bufferStart;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => size;

    public override long Position
    {
        get => position;
        set => Seek(value, SeekOrigin.Begin);
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

    /// <exception cref="ArgumentOutOfRangeException">The position is before the start or past the end of the blob.</exception>
    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            SeekOrigin.End => size + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(target, size, nameof(offset));
        if (target >= bufferStart && target <= bufferStart + length)
        {
            // Within the chunk in memory (a type sniffed from the first bytes, then the file
            // served from the start): the hash took the whole chunk when it was fetched.
            this.offset = (int)(target - bufferStart);
            position = target;
            return position;
        }

        // From elsewhere, what is read is not the whole content in order: only its size is
        // checked, unless the reader starts over from the beginning.
        hashing = target == 0;
        if (hashing)
        {
            hash.GetHashAndReset();
        }

        position = target;
        nextChunk = (int)(target / PostgresBlobStore.ChunkSize);
        skip = (int)(target % PostgresBlobStore.ChunkSize);
        (this.offset, length, bufferStart) = (0, 0, target);
        return position;
    }

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

        if (!hashing)
        {
            return position == size ? true : throw Damaged($"the content ends at {position:N0} of {size:N0} bytes");
        }

        var actual = Convert.ToHexStringLower(hash.GetCurrentHash());
        return position == size && actual == sha256
            ? true
            : throw Damaged($"{position:N0} of {size:N0} bytes read, hashing to {actual}");
    }

    private NpgsqlCommand ChunkQuery()
    {
        if (skip == 0)
        {
            var whole = database.CreateCommand("""SELECT "Data" FROM "BlobChunks" WHERE "Sha256" = $1 AND "Index" = $2""");
            whole.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
            whole.Parameters.Add(new NpgsqlParameter<int> { TypedValue = nextChunk });
            return whole;
        }

        // After a seek: the chunk from the new position on (substring counts from 1).
        var rest = database.CreateCommand("""SELECT substring("Data" FROM $3) FROM "BlobChunks" WHERE "Sha256" = $1 AND "Index" = $2""");
        rest.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        rest.Parameters.Add(new NpgsqlParameter<int> { TypedValue = nextChunk });
        rest.Parameters.Add(new NpgsqlParameter<int> { TypedValue = skip + 1 });
        return rest;
    }

    private int Checked(long chunkLength) =>
        chunkLength <= chunk.Length ? (int)chunkLength : throw Damaged($"chunk {nextChunk} holds {chunkLength:N0} bytes");

    /// <returns>Whether the chunk just read holds anything to give.</returns>
    private bool Accept(int read)
    {
        if (hashing)
        {
            hash.AppendData(chunk, 0, read);
        }

        (offset, length) = (0, read);
        bufferStart = position;
        skip = 0;
        nextChunk++;
        return read > 0;
    }

    private InvalidDataException Missing() => Damaged($"chunk {nextChunk} of {chunkCount} is missing");

    private InvalidDataException Damaged(string how) => new($"blob {sha256} in the database is damaged: {how}");
}
