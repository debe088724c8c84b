namespace KpuTriage.Core.Extraction;

/// <summary>A private temp folder for one document's OCR files (the upload, rendered pages, TSV), deleted with everything in it.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kputriage-ocr-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A killed child may still hold a file for a moment; the text is already read and
            // the OS temp cleaner takes what is left, so failing the letter here would be wrong.
        }
    }
}
