namespace KpuTriage.Core.Blobs;

/// <summary>
/// A blob kept in PostgreSQL: its row is written in the transaction that writes its chunks, so
/// a blob with a row is whole. Mapped by <see cref="Persistence.PostgresTriageDb"/> only.
/// </summary>
public sealed class StoredBlob
{
    public required string Sha256 { get; init; }
    public long SizeBytes { get; init; }
    public int ChunkCount { get; init; }
    public DateTimeOffset StoredAt { get; init; }
}
