using System.IO.Compression;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Looks at a Word package's zip before OpenXml opens it. A zip bomb's entries inflate to
/// gigabytes from a few hundred kilobytes, and a million empty entries cost System.IO.Packaging
/// seconds and hundreds of megabytes before a single part is read; neither is a letter.
/// </summary>
internal static class DocxPackageCheck
{
    // A Word letter has a dozen parts, a long report with pictures a few hundred.
    private const int MaxEntries = 10_000;

    private const int CountingBufferSize = 64 * 1024;

    /// <returns>Null when OpenXml may open the package (or should be the one to call it corrupt), else the reason it must not.</returns>
    public static string? Refusal(byte[] bytes, long maxUncompressedBytes, CancellationToken cancellationToken)
    {
        // Every central-directory record starts with these four bytes and ZipArchive reads all
        // of them when it opens, so counting them first is cheap and cannot be fooled into a
        // lower count; compressed data that holds them by chance only adds a rare extra one.
        var entries = bytes.AsSpan().Count("PK\u0001\u0002"u8);
        if (entries > MaxEntries)
        {
            return $"{ExtractionReasons.TooLargePrefix}{entries} entries in the package (a Word document has tens; the limit is {MaxEntries})";
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return DeclaredOverLimit(zip, maxUncompressedBytes) ?? InflatedOverLimit(zip, maxUncompressedBytes, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            // Not a zip, or one ZipArchive cannot inflate: OpenXml says so in its own words.
            return null;
        }
    }

    // The sizes in the central directory cost nothing to add up and catch an honest bomb at once.
    private static string? DeclaredOverLimit(ZipArchive zip, long maxBytes)
    {
        long declared = 0;
        foreach (var entry in zip.Entries)
        {
            // Compared as the room left, so a length near long.MaxValue cannot wrap the sum.
            if (entry.Length > maxBytes - declared)
            {
                return Bomb(entry, maxBytes);
            }

            declared += entry.Length;
        }

        return null;
    }

    // A header can claim less than the data holds; the bytes are counted as they inflate, into
    // one small buffer, and the count stops at the limit.
    private static string? InflatedOverLimit(ZipArchive zip, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[CountingBufferSize];
        long inflated = 0;
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                inflated += read;
                if (inflated > maxBytes)
                {
                    return Bomb(entry, maxBytes);
                }
            }
        }

        return null;
    }

    private static string Bomb(ZipArchiveEntry entry, long maxBytes) =>
        ExtractionReasons.DecompressionBomb($"the parts up to {Printable(entry.FullName)}", maxBytes);

    // An entry name is the sender's text: one short line of it, no control characters.
    private static string Printable(string name)
    {
        const int MaxLength = 80;
        var shown = new string([.. name.Take(MaxLength).Select(c => char.IsControl(c) ? '?' : c)]);
        return name.Length > MaxLength ? shown + "…" : shown;
    }
}
