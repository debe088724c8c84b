namespace KpuTriage.Core.Blobs;

/// <summary>One piece of a <see cref="StoredBlob"/>, at most <see cref="PostgresBlobStore.ChunkSize"/> bytes: blobs move in pieces, never whole.</summary>
public sealed class BlobChunk
{
    public required string Sha256 { get; init; }
    public int Index { get; init; }
    public required byte[] Data { get; init; }
}
