using System.Text;
using System.Text.Unicode;

namespace KpuTriage.Core.Extraction;

/// <summary>Plain text: UTF-8 (or UTF-16 with a BOM), else the Windows code page.</summary>
internal static class PlainTextReader
{
    // Indonesian offices still save from old Windows editors; 1252 covers é, ü, “ ” and
    // decodes every byte, so reading never fails. Latin-1 is the fallback if code pages
    // are unavailable.
    private static readonly Encoding LegacyEncoding =
        CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    public static ExtractionResult Read(byte[] bytes, int maxPages)
    {
        var text = PageText.Normalize(Decode(bytes));
        if (string.IsNullOrWhiteSpace(text))
        {
            return ExtractionResult.NeedsHuman(ExtractionMethods.Text, ExtractionReasons.EmptyDocument);
        }

        // Split before normalising anything else: a form feed is the page boundary.
        var pages = PageText.WithoutTrailingBlank([.. text.Split('\f')]);
        return PageText.Result(pages, ExtractionMethods.Text, maxPages);
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(Utf8Bom))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith(Utf16LittleEndianBom))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith(Utf16BigEndianBom))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : LegacyEncoding.GetString(bytes);
    }
}
