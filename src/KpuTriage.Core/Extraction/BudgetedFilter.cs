using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// One of PdfPig's filters, charged to a <see cref="PdfInflationBudget"/>. A deflate stream is
/// first inflated into a small reused buffer, only counting, and PdfPig's own filter (with its
/// predictors and repair of damaged data) runs only when the count fits. Other filters are
/// charged after they ran: LZW and run-length can expand too, but they are rare in today's
/// PDFs and PdfPig offers no way to stop them midway.
/// </summary>
internal sealed class BudgetedFilter(IFilter inner, PdfInflationBudget budget) : IFilter
{
    private const int CountingBufferSize = 64 * 1024;

    public bool IsSupported => inner.IsSupported;

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        if (budget.Exceeded)
        {
            budget.Refuse();
        }

        if (inner is FlateFilter && InflatedLength(input, budget.Remaining) > budget.Remaining)
        {
            budget.Refuse();
        }

        var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        budget.Charge(output.Length);
        return output;
    }

    /// <returns>How far the deflate data inflates, counted only until it passes <paramref name="limit"/>.</returns>
    private static long InflatedLength(Memory<byte> input, long limit)
    {
        // PdfPig skips the two zlib header bytes and reads raw deflate; so does the count, and
        // like PdfPig it keeps what came before damaged data.
        if (input.Length < 2)
        {
            return 0;
        }

        var body = input[2..];
        using var compressed = MemoryMarshal.TryGetArray<byte>(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        using var deflate = new DeflateStream(compressed, CompressionMode.Decompress);
        var buffer = new byte[CountingBufferSize];
        long total = 0;
        try
        {
            int read;
            while (total <= limit && (read = deflate.Read(buffer)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged from here on: PdfPig keeps at most what was counted.
        }

        return total;
    }
}
