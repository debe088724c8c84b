namespace KpuTriage.Core.Documents;

/// <summary>
/// Decides at intake which kind of document a file is, from its first bytes (up to 8 KiB)
/// and its name. The name and the content must agree before a kind wins: a name that says
/// one kind over bytes that are plainly another is a <see cref="KindDetection.Mismatch"/>,
/// which intake refuses with both named, rather than reading a letter as the wrong thing.
/// </summary>
/// <remarks>
/// The rule, by what the name says:
/// <list type="bullet">
/// <item>nothing we know (no extension, .bin, .dat…): the content decides — a mail, a PDF, an image; anything else is refused;</item>
/// <item>.txt/.text/.md: text when the bytes are text, whatever words they hold (a mail, or "%PDF-" quoted in a
/// note, stays text); a PDF, image or zip signature at the first byte is a mismatch;</item>
/// <item>.pdf: a PDF when its header sits in the first 1024 bytes; an image, zip or mail is a mismatch;</item>
/// <item>.docx: a zip; .eml: a mail; a PDF, image or other signature is a mismatch;</item>
/// <item>.png/.jpg/.tif/…: any image format (scanners mislabel one image format as another); anything else is refused.</item>
/// </list>
/// A .pdf, .docx or .eml whose bytes prove nothing is still taken as that kind: extraction then
/// fails with "corrupt PDF"/"corrupt DOCX"/"corrupt e-mail" and a clerk sees the letter, whereas
/// refusing it here would lose a letter someone meant to send us.
/// </remarks>
public static class DocumentKindDetector
{
    /// <summary>How many leading bytes callers should pass; more are ignored.</summary>
    public const int HeadLength = 8 * 1024;

    // Acrobat accepts a PDF whose header sits anywhere in the first 1024 bytes (scanners
    // and mail gateways sometimes prepend junk), so we look that far too — but only to find a
    // PDF, never to overrule a name: a text may quote "%PDF-".
    private const int PdfHeaderWindow = 1024;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    /// <returns>The kind, or null when the file is refused (unsupported, or name and content disagree).</returns>
    public static DocumentKind? Detect(ReadOnlySpan<byte> head, string fileName) => Examine(head, fileName).Kind;

    public static KindDetection Examine(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.IsEmpty)
        {
            return new KindDetection(null, null, ContentSignature.None);
        }

        var named = NamedKind(fileName);
        var content = Signature(head);
        var kind = named switch
        {
            null => content switch
            {
                ContentSignature.Email => DocumentKind.Email,
                ContentSignature.Image => DocumentKind.Image,
                ContentSignature.Pdf => DocumentKind.Pdf,
                ContentSignature.None when HasPdfHeader(head) => DocumentKind.Pdf,
                _ => (DocumentKind?)null,
            },
            // Mail headers at the top of a .txt stay text: its sender said what it is.
            DocumentKind.Text => content is ContentSignature.None or ContentSignature.Email && LooksLikeText(head) ? DocumentKind.Text : null,
            DocumentKind.Pdf => content is ContentSignature.None or ContentSignature.Pdf || HasPdfHeader(head) ? DocumentKind.Pdf : null,
            DocumentKind.Docx => content is ContentSignature.None or ContentSignature.Zip ? DocumentKind.Docx : null,
            DocumentKind.Email => content is ContentSignature.None or ContentSignature.Email ? DocumentKind.Email : null,
            _ => content is ContentSignature.Image ? DocumentKind.Image : null,
        };
        return new KindDetection(kind, named, kind is null ? content : ContentSignature.None);
    }

    private static DocumentKind? NamedKind(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToUpperInvariant() switch
    {
        ".TXT" or ".TEXT" or ".MD" => DocumentKind.Text,
        ".PDF" => DocumentKind.Pdf,
        ".DOCX" => DocumentKind.Docx,
        ".EML" => DocumentKind.Email,
        ".PNG" or ".JPG" or ".JPEG" or ".JPE" or ".JFIF" or ".TIF" or ".TIFF" or ".GIF" or ".WEBP" or ".BMP" => DocumentKind.Image,
        _ => null,
    };

    // Signatures at the first byte only: nothing else starts so, so each is proof of what the file is.
    private static ContentSignature Signature(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? ContentSignature.Pdf
        : IsImage(head) ? ContentSignature.Image
        : head.StartsWith("PK\x03\x04"u8) ? ContentSignature.Zip
        : MailHeaders.StartsWithHeaders(head) ? ContentSignature.Email
        : ContentSignature.None;

    private static bool HasPdfHeader(ReadOnlySpan<byte> head) => head[..Math.Min(head.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0;

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
