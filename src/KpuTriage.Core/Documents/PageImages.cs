using System.Globalization;
using KpuTriage.Core.Blobs;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Documents;

/// <summary>
/// PNG images of a PDF's pages for the desk, rendered on demand with pdftoppm at screen
/// resolution and cached under the data folder (by content hash, so one render serves every
/// copy). Bounded: two renders at once, a timeout each, and only pages the document has.
/// </summary>
public sealed class PageImages(string cacheRoot, BlobStore blobs, TextExtractorOptions options) : IDisposable
{
    public const int Dpi = 110;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _renders = new(2);

    /// <returns>The path of the page's PNG, or null when it cannot be rendered (no such page, no pdftoppm, a broken file).</returns>
    public async Task<string?> PdfPageAsync(Document document, int page, int pageCount, CancellationToken ct)
    {
        if (document.Kind != DocumentKind.Pdf || page < 1 || page > pageCount || !blobs.Exists(document.Sha256))
        {
            return null;
        }

        var folder = Path.Combine(cacheRoot, document.Sha256[..2], document.Sha256);
        var target = Path.Combine(folder, page.ToString(CultureInfo.InvariantCulture) + ".png");
        if (File.Exists(target))
        {
            return target;
        }

        Directory.CreateDirectory(folder);
        await _renders.WaitAsync(ct);
        try
        {
            if (File.Exists(target))
            {
                return target;
            }

            // pdftoppm appends ".png" to the prefix; render beside the target, then move into place
            // so a concurrent reader never sees half a file.
            var prefix = Path.Combine(folder, $"{page}.{Guid.NewGuid():N}");
            var number = page.ToString(CultureInfo.InvariantCulture);
            var run = await ToolProcess.RunAsync(
                ToolLocator.Find(options.PdftoppmPath) ?? options.PdftoppmPath,
                ["-r", Dpi.ToString(CultureInfo.InvariantCulture), "-png", "-f", number, "-l", number, "-singlefile", blobs.PathOf(document.Sha256), prefix],
                Timeout, ct);
            var rendered = prefix + ".png";
            if (run is not { ExitCode: 0, TimedOut: false } || !File.Exists(rendered))
            {
                File.Delete(rendered);
                return null;
            }

            File.Move(rendered, target, overwrite: true);
            return target;
        }
        finally
        {
            _renders.Release();
        }
    }

    public void Dispose() => _renders.Dispose();
}
