namespace KpuTriage.Tests.Infrastructure;

/// <summary>A data folder for one test, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kputriage-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host; the OS temp cleaner takes it.
        }
    }
}
