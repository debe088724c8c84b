using System.Text.RegularExpressions;

namespace KpuTriage.Core.Evaluation;

/// <summary>
/// How much of what a letter is about its proposed summary says: the share of the labelled
/// content words (of the <c>summary</c> column when the set has one, else of the perihal) that
/// appear in the summary, averaged over the letters that have such words. Words of one or two
/// letters and the commonest function words do not count.
/// </summary>
public static partial class SummaryCoverage
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "dan", "yang", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "atas", "serta", "oleh",
        "tentang", "bagi", "para", "kepada", "atau", "ini", "itu", "tahun", "nomor", "hal", "perihal",
    };

    /// <returns>The mean share, 0..1, and the number of letters it is over; null share when none had content words.</returns>
    public static (double? Share, int Letters) Of(IReadOnlyCollection<ScoredLetter> letters)
    {
        var shares = new List<double>();
        foreach (var letter in letters)
        {
            var reference = letter.Label.Expected.GetValueOrDefault("summary") is { Length: > 0 } summary
                ? summary
                : letter.Label.Expected.GetValueOrDefault("perihal") ?? string.Empty;
            var wanted = ContentWords(reference);
            if (wanted.Count == 0)
            {
                continue;
            }

            var said = ContentWords(letter.Proposed.GetValueOrDefault("summary") ?? string.Empty);
            shares.Add((double)wanted.Count(said.Contains) / wanted.Count);
        }

        return (shares.Count == 0 ? null : shares.Average(), shares.Count);
    }

    public static HashSet<string> ContentWords(string text) =>
        Word().Matches(text.ToLowerInvariant())
            .Select(m => m.Value)
            .Where(w => w.Length >= 3 && !FunctionWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{Nd}]+")]
    private static partial Regex Word();
}
