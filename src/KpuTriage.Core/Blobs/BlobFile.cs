namespace KpuTriage.Core.Blobs;

/// <summary>A blob as a file on this machine: the store's own file, or a copy deleted when disposed.</summary>
public sealed class BlobFile(string path, bool isCopy) : IDisposable
{
    public string Path { get; } = path;

    public void Dispose()
    {
        if (isCopy)
        {
            File.Delete(Path);
        }
    }
}
