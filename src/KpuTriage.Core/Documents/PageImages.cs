using System.Globalization;
using System.Threading.RateLimiting;
using KpuTriage.Core.Blobs;
using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Documents;

/// <summary>
/// PNG images of a PDF's pages for the desk, drawn on demand (<see cref="PageRender"/>) and cached
/// under the data folder (by content hash, so one render serves every copy). Bounded: pixels per
/// page, a timeout, PageImages:Renders at once for everyone and PageImages:RendersPerDocument per
/// document, each queue served oldest first, so one heavy letter cannot keep the other clerks
/// waiting; a page that could not be drawn is remembered and not drawn again on every view.
/// </summary>
public sealed class PageImages : IDisposable
{
    // Pages of one document waiting for their turn at most; a browser asks for a few at a time.
    private const int MaxWaitingPerDocument = 64;

    private readonly string _cacheRoot;
    private readonly IBlobStore _blobs;
    private readonly PageImageOptions _options;
    private readonly string _pdftoppm;
    private readonly ConcurrencyLimiter _renders;
    private readonly PartitionedRateLimiter<string> _perDocument;

    public PageImages(string cacheRoot, IBlobStore blobs, PageImageOptions options, TextExtractorOptions extraction)
    {
        _cacheRoot = cacheRoot;
        _blobs = blobs;
        _options = options;
        _pdftoppm = extraction.PdftoppmPath;
        _renders = new(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Renders,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _perDocument = PartitionedRateLimiter.Create<string, string>(sha256 => RateLimitPartition.GetConcurrencyLimiter(sha256, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = options.RendersPerDocument,
            QueueLimit = MaxWaitingPerDocument,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    public async Task<PageImage> PdfPageAsync(Document document, int page, int pageCount, CancellationToken ct)
    {
        if (document.Kind != DocumentKind.Pdf || page < 1 || page > pageCount)
        {
            return PageImage.None;
        }

        var folder = Path.Combine(_cacheRoot, document.Sha256[..2], document.Sha256);
        var target = Path.Combine(folder, page.ToString(CultureInfo.InvariantCulture) + ".png");
        var failure = target + ".failed";
        if (Cached(target, failure) is { } cached)
        {
            return cached;
        }

        Directory.CreateDirectory(folder);
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(ct);
        turn.CancelAfter(_options.RenderTimeout);
        RateLimitLease? ofDocument = null, ofAll = null;
        try
        {
            // The document's own queue first: only its next page waits in the shared one.
            ofDocument = await _perDocument.AcquireAsync(document.Sha256, 1, turn.Token);
            if (!ofDocument.IsAcquired)
            {
                return PageImage.Waited;
            }

            ofAll = await _renders.AcquireAsync(1, turn.Token);
            return Cached(target, failure) ?? await DrawAsync(document, page, target, failure, ct);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return PageImage.Waited;
        }
        finally
        {
            ofAll?.Dispose();
            ofDocument?.Dispose();
        }
    }

    public void Dispose()
    {
        _renders.Dispose();
        _perDocument.Dispose();
    }

    private async Task<PageImage> DrawAsync(Document document, int page, string target, string failure, CancellationToken ct)
    {
        // pdftoppm appends ".png" to the prefix; render beside the target, then move into place
        // so a concurrent reader never sees half a file.
        var prefix = Path.Combine(Path.GetDirectoryName(target)!, $"{page}.{Guid.NewGuid():N}");
        var rendered = prefix + ".png";
        try
        {
            // poppler reads files: a blob kept in the database is copied out for the drawing.
            using var pdf = await _blobs.OpenFileAsync(document.Sha256, ct);
            if (pdf is null)
            {
                return PageImage.None;
            }

            var reason = await PageRender.DrawAsync(pdf.Path, page, prefix, _options, ToolLocator.Find(_pdftoppm) ?? _pdftoppm, ct);
            if (reason is not null)
            {
                await File.WriteAllTextAsync(failure, reason, CancellationToken.None);
                return PageImage.Failed(reason);
            }

            File.Move(rendered, target, overwrite: true);
            return PageImage.At(target);
        }
        finally
        {
            File.Delete(rendered);
        }
    }

    // A drawn page, or a failure still remembered; a failure older than RetryFailedAfter is forgotten.
    private PageImage? Cached(string target, string failure)
    {
        if (File.Exists(target))
        {
            return PageImage.At(target);
        }

        if (!File.Exists(failure))
        {
            return null;
        }

        if (DateTime.UtcNow - File.GetLastWriteTimeUtc(failure) < _options.RetryFailedAfter)
        {
            try
            {
                return PageImage.Failed(File.ReadAllText(failure));
            }
            catch (IOException)
            {
                // Being written by the render that just failed: that render answers its own caller.
                return null;
            }
        }

        File.Delete(failure);
        return null;
    }
}
