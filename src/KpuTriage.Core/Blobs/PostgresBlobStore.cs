using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;

namespace KpuTriage.Core.Blobs;

/// <summary>
/// Blobs in the office's PostgreSQL database, so every host reads what any host stored and the
/// database's backup holds the letters too. A blob is a row in "Blobs" and its content in
/// <see cref="ChunkSize"/> pieces in "BlobChunks", written in one transaction (the blob is whole
/// or absent) and streamed both ways: one piece in memory at a time, whatever the file's size.
/// Storing the same content twice, even at once from two hosts, keeps the first copy. Until
/// <c>kputriage blobs migrate</c> has moved them, blobs the data folder still holds from before
/// are read from there.
/// </summary>
public sealed class PostgresBlobStore(NpgsqlDataSource database, string spoolDirectory, FolderBlobStore formerFolder, TimeProvider clock) : IBlobStore
{
    public const int ChunkSize = 1 << 20;

    public Task<PendingBlob> ReceiveAsync(Stream content, long maxBytes, CancellationToken cancellationToken) =>
        // The spool needs no fsync: the blob is durable once its transaction commits.
        BlobSpool.ReceiveAsync(spoolDirectory, content, maxBytes, flushToDisk: false, KeepAsync, cancellationToken);

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken) =>
        await OpenStoredAsync(sha256, cancellationToken) ?? await formerFolder.OpenReadAsync(sha256, cancellationToken);

    public async Task<BlobFile?> OpenFileAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var content = await OpenStoredAsync(sha256, cancellationToken);
        if (content is null)
        {
            return await formerFolder.OpenFileAsync(sha256, cancellationToken);
        }

        Directory.CreateDirectory(spoolDirectory);
        var copy = new BlobFile(Path.Combine(spoolDirectory, Guid.NewGuid().ToString("N")), isCopy: true);
        try
        {
            await using var file = new FileStream(copy.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    /// <returns>The blob as the database holds it (never the former folder), checked against its address as it is read; null when absent.</returns>
    public async Task<Stream?> OpenStoredAsync(string sha256, CancellationToken cancellationToken)
    {
        BlobAddress.Checked(sha256);
        await using var command = database.CreateCommand("""SELECT "SizeBytes", "ChunkCount" FROM "Blobs" WHERE "Sha256" = $1""");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new BlobChunkStream(database, sha256, reader.GetInt64(0), reader.GetInt32(1))
            : null;
    }

    /// <summary>
    /// Stores <paramref name="content"/> at <paramref name="sha256"/> in one transaction, checking
    /// that it is <paramref name="size"/> bytes and hashes to its address before committing.
    /// </summary>
    /// <returns>True when stored; false when the blob was already there (kept as it is).</returns>
    /// <exception cref="InvalidDataException">The content does not match its address; nothing is stored.</exception>
    public async Task<bool> StoreAsync(Stream content, string sha256, long size, CancellationToken cancellationToken)
    {
        BlobAddress.Checked(sha256);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The row first: a second host storing the same content waits here for this
        // transaction, then finds the blob there (and stores nothing) or stores it itself.
        await using (var claim = new NpgsqlCommand(
            """INSERT INTO "Blobs" ("Sha256", "SizeBytes", "ChunkCount", "StoredAt") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING""", connection, transaction))
        {
            claim.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
            claim.Parameters.Add(new NpgsqlParameter<long> { TypedValue = size });
            claim.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)((size + ChunkSize - 1) / ChunkSize) });
            claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return false;
            }
        }

        await using var insert = new NpgsqlCommand("""INSERT INTO "BlobChunks" ("Sha256", "Index", "Data") VALUES ($1, $2, $3)""", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        var index = new NpgsqlParameter<int>();
        var data = new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea };
        insert.Parameters.Add(index);
        insert.Parameters.Add(data);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // No larger than the blob (a chunk, whole, otherwise): a letter of a few kilobytes
        // allocated a fresh megabyte on the large-object heap per intake.
        var buffer = new byte[Math.Clamp(size, 1, ChunkSize)];
        long stored = 0;
        for (var next = 0; ; next++)
        {
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (read == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, read);
            stored += read;
            index.TypedValue = next;
            data.TypedValue = buffer.AsMemory(0, read);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (stored != size || actual != sha256)
        {
            throw new InvalidDataException($"content of {stored:N0} bytes hashing to {actual} does not match blob {sha256} of {size:N0} bytes; nothing was stored");
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes a blob from the database (its chunks go with it), so a damaged copy can be stored again.</summary>
    public async Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        BlobAddress.Checked(sha256);
        await using var command = database.CreateCommand("""DELETE FROM "Blobs" WHERE "Sha256" = $1""");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task KeepAsync(PendingBlob pending, CancellationToken cancellationToken)
    {
        await using var spooled = pending.OpenContent();
        await StoreAsync(spooled, pending.Sha256, pending.Size, cancellationToken);
    }
}
