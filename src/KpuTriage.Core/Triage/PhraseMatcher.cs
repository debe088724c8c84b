using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Regexes for taxonomy phrases: case-insensitive, whole words, any whitespace between
/// words (scans and OCR double spaces). Built once per parser from the taxonomy.
/// </summary>
internal static class PhraseMatcher
{
    // Not RegexOptions.Compiled: on header-length lines the interpreter measured as fast,
    // and a parser with ~150 compiled patterns took a second longer to start.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // A title word at least this long may have lost its last letter to OCR.
    private const int ShortenedTitleWord = 7;

    public static Regex Phrase(string phrase) => new($@"(?<!\p{{L}}){Words(phrase)}(?!\p{{L}})", Options);

    /// <summary>Any of the phrases, longest first so "Sangat Segera" is preferred to "Segera"; null for none.</summary>
    public static Regex? AnyOf(IEnumerable<string> phrases)
    {
        var alternatives = phrases.OrderByDescending(p => p.Length).Select(Words).ToList();
        return alternatives.Count == 0
            ? null
            : new Regex($@"(?<!\p{{L}})(?:{string.Join('|', alternatives)})(?!\p{{L}})", Options);
    }

    /// <summary>A phrase that begins a line (after optional whitespace).</summary>
    public static Regex LineStart(string phrase) => new($@"^\s*{Words(phrase)}(?!\p{{L}})", Options);

    /// <summary>
    /// A title that begins a line as OCR reads a scanned one: OCR puts a dash or a dot between
    /// spaced capitals ("SURAT - PENGANTAR") and may lose the last letter of the title under a
    /// stamp or at a fold ("SURAT PERINTA!"). A long last word may lack its final letter, but
    /// not be followed by a letter or a hyphen ("UNDANG-UNDANG" is no "UNDANGAN").
    /// </summary>
    public static Regex Title(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Regex.Escape).ToList();
        var last = words[^1];
        if (last.Length >= ShortenedTitleWord && last.All(char.IsLetter))
        {
            words[^1] = $@"{last[..^1]}(?:{last[^1..]}|(?=[^\p{{L}}\-]|$))";
        }

        return new Regex($@"^\s*{string.Join(@"(?:\s*[\-–—.]\s*|\s+)", words)}(?!\p{{L}})", Options);
    }

    /// <summary>A phrase that is the whole line.</summary>
    public static Regex WholeLine(string phrase) => new($@"^\s*{Words(phrase)}\s*$", Options);

    private static string Words(string phrase) =>
        string.Join(@"\s+", phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Regex.Escape));
}
