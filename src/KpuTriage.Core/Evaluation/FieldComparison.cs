using System.Text.RegularExpressions;

namespace KpuTriage.Core.Evaluation;

/// <summary>
/// Compares a proposed value with the label two ways. Exact is what the register would hold
/// unedited; normalised forgives what a clerk would not count as an error (case, spacing, a
/// stray trailing full stop, "005 / PL.01-Und" for "005/PL.01-Und"), so the gap between the
/// two shows how much is cosmetic.
/// </summary>
public static partial class FieldComparison
{
    public const string LetterNumber = "letterNumber";

    private static readonly char[] EdgePunctuation = [' ', '.', ',', ':', ';', '"', '\'', '“', '”', '‘', '’'];

    public static FieldOutcome Compare(string field, string? expected, string? proposed)
    {
        var want = (expected ?? string.Empty).Trim();
        var got = (proposed ?? string.Empty).Trim();
        var normalised = string.Equals(Normalise(field, want), Normalise(field, got), StringComparison.Ordinal);
        return new FieldOutcome(want, got, string.Equals(want, got, StringComparison.Ordinal), normalised,
            LooseThreshold(field) is { } threshold ? normalised || TokenF1(want, got) >= threshold : null);
    }

    /// <summary>
    /// The word-overlap F1 from which a free-text field counts as right: a sender is named
    /// loosely by readers ("Sekretariat Daerah, Pemerintah Kabupaten Jepara"), a perihal is
    /// printed text OCR may spoil by a word. Null for fields compared exactly only.
    /// </summary>
    public static double? LooseThreshold(string field) => field switch
    {
        "sender" => 0.6,
        "perihal" => 0.8,
        _ => null,
    };

    /// <summary>F1 of the two bags of lower-case words; 1 when both are empty.</summary>
    public static double TokenF1(string expected, string proposed)
    {
        var want = Words().Matches(expected.ToLowerInvariant()).Select(m => m.Value).ToList();
        var got = Words().Matches(proposed.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (want.Count == 0 || got.Count == 0)
        {
            return want.Count == got.Count ? 1 : 0;
        }

        var left = want.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var common = 0;
        foreach (var word in got)
        {
            if (left.TryGetValue(word, out var n) && n > 0)
            {
                left[word] = n - 1;
                common++;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        double precision = (double)common / got.Count, recall = (double)common / want.Count;
        return 2 * precision * recall / (precision + recall);
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex Words();

    /// <summary>Upper case, one space between words, no punctuation at the ends; letter numbers also lose spaces around "/" and "-".</summary>
    public static string Normalise(string field, string? value)
    {
        var text = Whitespace().Replace(value ?? string.Empty, " ").Trim(EdgePunctuation);
        if (field == LetterNumber)
        {
            text = SpacedSeparator().Replace(text, "$1");
        }

        return text.ToUpperInvariant();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*([/-])\s*")]
    private static partial Regex SpacedSeparator();
}
