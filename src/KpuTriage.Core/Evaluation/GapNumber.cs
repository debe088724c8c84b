using System.Text;
using System.Text.RegularExpressions;

namespace KpuTriage.Core.Evaluation;

/// <summary>
/// A letter number proposed with a gap where the letter has a handwritten or blank part, as
/// the engine writes it: the printed part with the blank kept as a run of spaces
/// (<c>UND-   /WKN.03/KNL.03/2017</c>), an empty part between two slashes (<c>005//2020</c>), or a
/// separator left open at an end (<c>050/</c>).
/// Such a proposal invents nothing; it is right when its printed parts are the label's, in
/// order, with each gap standing for one hand-filled part.
/// </summary>
public static partial class GapNumber
{
    /// <summary>The proposal has a marked gap (not merely a different number).</summary>
    public static bool HasGap(string? proposed) =>
        !string.IsNullOrWhiteSpace(proposed)
        && (InnerGap().IsMatch(proposed.Trim()) || OpenEnd().IsMatch(proposed.Trim()) || proposed.Contains("//", StringComparison.Ordinal));

    /// <summary>The printed parts of a gapped proposal are those of the label, in order, and at least one character is printed.</summary>
    public static bool PrintedPartMatches(string? proposed, string? label)
    {
        if (!HasGap(proposed) || string.IsNullOrWhiteSpace(label))
        {
            return false;
        }

        var parts = InnerGap().Split(proposed!.Trim().Replace("//", "/   /", StringComparison.Ordinal)).Select(p => FieldComparison.Normalise(FieldComparison.LetterNumber, p)).ToList();
        if (parts.All(p => p.Length == 0))
        {
            return false;
        }

        var pattern = new StringBuilder("^");
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                pattern.Append(HandFilled);
            }

            var part = parts[i];
            if (i == 0 && (part.StartsWith('/') || part.StartsWith('-')))
            {
                pattern.Append(HandFilled);
            }

            pattern.Append(Regex.Escape(part));
            if (i == parts.Count - 1 && (part.EndsWith('/') || part.EndsWith('-')))
            {
                pattern.Append(HandFilled);
            }
        }

        pattern.Append('$');
        var want = FieldComparison.Normalise(FieldComparison.LetterNumber, label);
        return Regex.IsMatch(want, pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    // One hand-filled part: anything but a separator, possibly nothing (a blank left empty).
    private const string HandFilled = "[^/]*";

    [GeneratedRegex(@"\s{2,}|…|_{2,}|\.{3,}")]
    private static partial Regex InnerGap();

    [GeneratedRegex(@"^[/-]|[/-]$")]
    private static partial Regex OpenEnd();
}
