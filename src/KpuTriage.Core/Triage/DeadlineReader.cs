using System.Globalization;
using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads a deadline from the body: "paling lambat tanggal 20 Maret 2025" or
/// "selambat-lambatnya …" gives an ISO date; "paling lambat 3 (tiga) hari kerja" counts
/// from a day the letter does not fix, so the phrase itself is proposed for the clerk.
/// </summary>
internal static class DeadlineReader
{
    private const double Dated = 0.85;
    private const double Relative = 0.4;

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        FieldReading.Best(pages.SelectMany(page =>
            HeaderPatterns.Deadline().Matches(OcrDigits.Normalize(page.Text)).Select(match => Candidate(page, match))));

    private static FieldReading? Candidate(LetterPage page, Match match)
    {
        var evidence = page.Evidence(match.Index, match.Index + match.Length);
        if (match.Groups["count"].Success)
        {
            var phrase = LineShape.CollapseSpaces(evidence.Quote);
            return new FieldReading(
                new ProposedField(phrase, Relative, evidence),
                $"'{phrase}' counts from a day the letter does not state; set the date by hand");
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = MonthNames.Number(match.Groups["month"].Value);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new FieldReading(new ProposedField(date, Dated, evidence));
    }
}
