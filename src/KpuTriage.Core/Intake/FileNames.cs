using System.Globalization;
using System.Text;

namespace KpuTriage.Core.Intake;

/// <summary>
/// File names come from outside and are only ever displayed: keep the last path segment,
/// drop what would not show as itself, cap the length. Content is stored by hash, never by this name.
/// </summary>
public static class FileNames
{
    private const int MaxLength = 200;

    public static string Sanitize(string? name)
    {
        var lastSegment = (name ?? "").Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var clean = new StringBuilder(lastSegment.Length);
        foreach (var rune in lastSegment.EnumerateRunes())
        {
            if (Shows(rune))
            {
                clean.Append(rune.ToString());
            }
        }

        var shown = clean.ToString().Trim().TrimStart('.');
        if (shown.Length == 0)
        {
            return "document";
        }

        return shown.Length <= MaxLength ? shown : Head(shown, 100) + "…" + Tail(shown, 99);
    }

    // Control characters, and format characters: the bidi overrides and isolates (U+202A–U+202E,
    // U+2066–U+2069) that make "surat\u202Efdp.exe" read as "suratexe.pdf", the marks
    // (U+200E/F, U+061C), zero-width spaces and joiners, the BOM; also line and paragraph
    // separators, and unpaired surrogates (which EnumerateRunes gives as U+FFFD).
    private static bool Shows(Rune rune) =>
        rune != Rune.ReplacementChar
        && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate);

    // Cut where a character starts, never between the two halves of a surrogate pair.
    private static string Head(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];

    private static string Tail(string text, int length) =>
        char.IsLowSurrogate(text[^length]) ? text[^(length - 1)..] : text[^length..];
}
