namespace KpuTriage.Core.Blobs;

/// <summary>
/// Where the office keeps every file it accepted, by content (<see cref="BlobAddress"/>): the
/// data folder for the standalone desk (<see cref="FolderBlobStore"/>), the database when
/// Storage:Provider is postgres (<see cref="PostgresBlobStore"/>), so every host reads what
/// any host stored. Content is received into a local spool file first (hashed, counted,
/// bounded) and stored only when the caller commits; storing the same content again keeps
/// the one copy. A committed blob is durable before the caller records or announces it.
/// </summary>
public interface IBlobStore
{
    /// <summary>Reads <paramref name="content"/> into the spool, at most <paramref name="maxBytes"/>; nothing is stored until <see cref="PendingBlob.CommitAsync"/>.</summary>
    Task<PendingBlob> ReceiveAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <returns>The content, read as it is streamed, and seekable (the desk serves byte ranges from it); null when no blob has this address.</returns>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>The content as a file on this machine, for tools that read files (poppler).</summary>
    /// <returns>Null when no blob has this address; disposing it removes any copy made for the call.</returns>
    Task<BlobFile?> OpenFileAsync(string sha256, CancellationToken cancellationToken);
}
