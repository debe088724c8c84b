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
        return new FieldOutcome(want, got, string.Equals(want, got, StringComparison.Ordinal),
            string.Equals(Normalise(field, want), Normalise(field, got), StringComparison.Ordinal));
    }

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
