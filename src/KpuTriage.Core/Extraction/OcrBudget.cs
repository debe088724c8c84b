using System.Diagnostics;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// What OCR may spend on one document (Extraction:OcrDocumentTimeout, OcrMaxDocumentPixels).
/// The pixels are shared out before any page is read, in page order, so the same file always
/// gets the same pages; the time is shared as the pages run. The clock starts when the first
/// page gets an OCR slot, so a document waiting behind another one's pages loses nothing.
/// </summary>
internal sealed class OcrBudget(TimeSpan time, long pixels)
{
    private long _startedAt;

    public TimeSpan Time => time;

    public long Pixels => pixels;

    /// <summary>True once the document's time is up: pages that have not started are not read.</summary>
    public bool Spent
    {
        get
        {
            var started = Interlocked.Read(ref _startedAt);
            return started != 0 && Stopwatch.GetElapsedTime(started) >= time;
        }
    }

    /// <returns>How many of the pages, in order, fit in the pixels; a page of 0 (one refused on its own) costs nothing.</returns>
    public int Affordable(IEnumerable<long> pagePixels)
    {
        var count = 0;
        var left = pixels;
        foreach (var page in pagePixels)
        {
            if (page > left)
            {
                break;
            }

            left -= page;
            count++;
        }

        return count;
    }

    /// <summary>
    /// The time a page that just got its slot may take: the page timeout, or what is left of the
    /// document's time when that is less. Starts the document's clock on its first page.
    /// </summary>
    public TimeSpan Allow(TimeSpan pageTimeout)
    {
        Interlocked.CompareExchange(ref _startedAt, Stopwatch.GetTimestamp(), 0);
        var left = time - Stopwatch.GetElapsedTime(Interlocked.Read(ref _startedAt));
        return left < pageTimeout ? left : pageTimeout;
    }
}
