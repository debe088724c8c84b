namespace KpuTriage.Core.Documents;

/// <summary>
/// Decides at intake which kind of document a file is, from its first bytes (up to 8 KiB)
/// and its name; null means the file is refused.
/// </summary>
public static class DocumentKindDetector
{
    /// <summary>How many leading bytes callers should pass; more are ignored.</summary>
    public const int HeadLength = 8 * 1024;

    // Acrobat accepts a PDF whose header sits anywhere in the first 1024 bytes (scanners
    // and mail gateways sometimes prepend junk), so we look that far too.
    private const int PdfHeaderWindow = 1024;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    public static DocumentKind? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.IsEmpty)
        {
            return null;
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant();
        var namedText = extension is ".TXT" or ".TEXT" or ".MD";

        // Mail headers at the very first byte are unambiguous (no PDF, image or zip starts
        // so), but a file named .txt stays text: its sender said what it is.
        if (!namedText && MailHeaders.StartsWithHeaders(head))
        {
            return DocumentKind.Email;
        }

        if (head[..Math.Min(head.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0)
        {
            return DocumentKind.Pdf;
        }

        if (IsImage(head))
        {
            return DocumentKind.Image;
        }

        if (head.StartsWith("PK\x03\x04"u8) && extension == ".DOCX")
        {
            return DocumentKind.Docx;
        }

        if (namedText && LooksLikeText(head))
        {
            return DocumentKind.Text;
        }

        // A .pdf, .docx or .eml whose bytes are wrong is still accepted as that kind:
        // extraction then fails with "corrupt PDF"/"corrupt DOCX"/"corrupt e-mail" and a clerk
        // sees the letter, whereas refusing it here would lose a letter someone meant to send
        // us. Other unknown bytes are refused: nothing downstream could read them.
        return extension switch
        {
            ".PDF" => DocumentKind.Pdf,
            ".DOCX" => DocumentKind.Docx,
            ".EML" => DocumentKind.Email,
            _ => null,
        };
    }

    private static bool IsImage(ReadOnlySpan<byte> head) =>
        head.StartsWith(Png)
        || head.StartsWith(Jpeg)
        || head.StartsWith("II*\0"u8) // TIFF, little-endian
        || head.StartsWith("MM\0*"u8) // TIFF, big-endian
        || head.StartsWith("GIF87a"u8)
        || head.StartsWith("GIF89a"u8)
        || (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        || IsBitmap(head);

    // "BM" alone is two letters any text file may start with, so also require a DIB header
    // size that a real bitmap has.
    private static bool IsBitmap(ReadOnlySpan<byte> head)
    {
        if (head.Length < 18 || !head.StartsWith("BM"u8))
        {
            return false;
        }

        var dibHeaderSize = BitConverter.ToInt32(head[14..18]);
        return dibHeaderSize is 12 or 40 or 52 or 56 or 64 or 108 or 124;
    }

    // Text files come in UTF-8 or a legacy code page (the extractor decodes both), so the
    // only test is for NUL bytes, which text never has unless it is UTF-16 with a BOM.
    private static bool LooksLikeText(ReadOnlySpan<byte> head) =>
        head.StartsWith(Utf16LittleEndianBom) || head.StartsWith(Utf16BigEndianBom) || !head.Contains((byte)0);
}
