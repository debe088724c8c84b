using System.Text;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Plain text: UTF-8 (or UTF-16 with a BOM), else the Windows code page. Streamed: the file is
/// decoded a buffer at a time and only the text that can be kept (<see cref="TextAllowance"/>) is
/// held, so a 50 MiB letter of one line costs a few megabytes, not a gigabyte of copies.
/// </summary>
internal static class PlainTextReader
{
    private const int BufferChars = 64 * 1024;

    // Indonesian offices still save from old Windows editors; 1252 covers é, ü, “ ” and
    // decodes every byte, so reading never fails. Latin-1 is the fallback if code pages
    // are unavailable.
    private static readonly Encoding LegacyEncoding =
        CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    // Throws on the first byte that is not UTF-8, so the read can start over in the legacy code page.
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<ExtractionResult> ReadAsync(Stream content, TextExtractorOptions options, TextAllowance allowance, CancellationToken cancellationToken)
    {
        if (!content.CanSeek)
        {
            // The blob store gives a file; anything else is read (within the limit) to read it twice if need be.
            var bytes = await BoundedRead.ReadAllAsync(content, options.MaxBytes, cancellationToken);
            return bytes is null ? TooLarge(options) : await ReadAsync(new MemoryStream(bytes, writable: false), options, allowance, cancellationToken);
        }

        var start = content.Position;
        if (content.Length - start > options.MaxBytes)
        {
            return TooLarge(options);
        }

        var (encoding, bomLength) = await EncodingOfAsync(content, cancellationToken);
        try
        {
            content.Position = start + bomLength;
            return await ReadPagesAsync(content, encoding, options.MaxPages, allowance, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8 after all (found past the first buffer, or the BOM lied): read it all again as 1252.
            content.Position = start + (encoding == StrictUtf8 ? bomLength : 0);
            return await ReadPagesAsync(content, LegacyEncoding, options.MaxPages, allowance, cancellationToken);
        }
    }

    private static async Task<(Encoding Encoding, int BomLength)> EncodingOfAsync(Stream content, CancellationToken cancellationToken)
    {
        var head = new byte[3];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        ReadOnlySpan<byte> bom = head.AsSpan(0, read);
        if (bom.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8, 3);
        }

        if (bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, 2);
        }

        return bom.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (Encoding.BigEndianUnicode, 2) : (StrictUtf8, 0);
    }

    // Line endings become \n and NULs go as the buffers are decoded (PageText.Normalize's rules);
    // a form feed is the page boundary. Pages past MaxPages are counted, not held.
    private static async Task<ExtractionResult> ReadPagesAsync(Stream content, Encoding encoding, int maxPages, TextAllowance allowance, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, BufferChars, leaveOpen: true);
        var pages = new List<string>();
        var page = new StringBuilder();
        var pageCount = 1;
        long held = 0;
        bool anyText = false, pageHasText = false, carriageReturn = false;
        var buffer = new char[BufferChars];
        int read;
        while (held < allowance.DocumentHold && (read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c == '\0')
                {
                    continue;
                }

                if (carriageReturn)
                {
                    carriageReturn = false;
                    Hold('\n');
                    if (c == '\n')
                    {
                        continue;
                    }
                }

                if (c == '\r')
                {
                    carriageReturn = true;
                }
                else if (c == '\f')
                {
                    EndPage();
                }
                else
                {
                    pageHasText |= !char.IsWhiteSpace(c);
                    Hold(c);
                }
            }
        }

        if (carriageReturn)
        {
            Hold('\n');
        }

        anyText |= pageHasText;
        if (!anyText)
        {
            return ExtractionResult.NeedsHuman(ExtractionMethods.Text, ExtractionReasons.EmptyDocument);
        }

        // A final form feed leaves a blank page behind: not a page (PageText.WithoutTrailingBlank).
        if (pageCount > 1 && !pageHasText)
        {
            pageCount--;
        }
        else if (pageCount <= maxPages)
        {
            pages.Add(page.ToString());
        }

        return PageText.Result(pages, ExtractionMethods.Text, maxPages, pageCount > maxPages ? ExtractionReasons.TooManyPages(pageCount, maxPages) : null);

        void Hold(char c)
        {
            if (pageCount <= maxPages && page.Length < allowance.PageHold && held < allowance.DocumentHold)
            {
                page.Append(c);
                held++;
            }
        }

        void EndPage()
        {
            if (pageCount <= maxPages)
            {
                pages.Add(page.ToString());
            }

            page.Clear();
            anyText |= pageHasText;
            pageHasText = false;
            pageCount++;
        }
    }

    private static ExtractionResult TooLarge(TextExtractorOptions options) =>
        ExtractionResult.NeedsHuman(ExtractionMethods.Text, $"{ExtractionReasons.TooLargePrefix}over {options.MaxBytes} bytes");
}
