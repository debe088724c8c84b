using System.Globalization;
using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads the letter's date (tanggal surat) as ISO yyyy-MM-dd. Prefers the "place, date"
/// line a letter is dated with; an undangan's body is full of other dates (the event's
/// "Kamis, 20 Maret 2025"), so bare dates count only in the header.
/// </summary>
internal static partial class LetterDateReader
{
    private const double PlaceDateInHeader = 0.9;
    private const double PlaceDateElsewhere = 0.85;
    private const double Labeled = 0.8;
    private const double PlaceNumeric = 0.7;
    private const double BareInHeader = 0.55;

    // "tanggal dua bulan Desember tahun dua ribu dua puluh empat": a berita acara's own date.
    private const double InWordsConfidence = 0.8;

    // Scans leave the day blank to be written by hand ("April 2017") or OCR misreads it.
    // The register needs a date, so the first of the month is proposed, at a confidence
    // low enough that the clerk must look at the letter and fill in the day.
    private const double DayMissing = 0.3;

    // A day OCR read with low word confidence: still the best reading, but below the warning line.
    private const double DayUncertain = 0.5;

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        DoubtHandwrittenDay(pages, FieldReading.Best(pages.SelectMany(page => page.Lines.SelectMany(line => Candidates(page, line)))));

    /// <summary>
    /// A day written by hand into "Jepara,    Januari 2020" is OCR's guess at handwriting: the
    /// month and year are printed, the day is shown as uncertain for the clerk to check. The
    /// dates compete first, so a doubtful letter date still wins over a bare date in the body.
    /// </summary>
    private static FieldReading DoubtHandwrittenDay(IReadOnlyList<LetterPage> pages, FieldReading best)
    {
        if (best.Field.Evidence is not { } evidence || pages.FirstOrDefault(p => p.Number == evidence.Page) is not { } page
            || DayDigits().Match(evidence.Quote) is not { Success: true } day
            || !page.IsUncertain(evidence.Start + day.Index, evidence.Start + day.Index + day.Length)
            || best.Field.Confidence <= DayUncertain)
        {
            return best;
        }

        return new FieldReading(
            best.Field with { Confidence = DayUncertain },
            $"the day '{day.Value}' in '{evidence.Quote}' was read from handwriting or a smudge with low OCR confidence; the month and year are printed");
    }

    private static IEnumerable<FieldReading?> Candidates(LetterPage page, TextLine line)
    {
        foreach (Match match in HeaderPatterns.PlaceDate().Matches(line.Text))
        {
            if (!HeaderPatterns.IsWeekday(match.Groups["place"].Value))
            {
                yield return Reading(page, line, match, page.InHeader(line) ? PlaceDateInHeader : PlaceDateElsewhere);
            }
        }

        foreach (Match match in HeaderPatterns.PlaceEnglishDate().Matches(line.Text))
        {
            yield return Reading(page, line, match, page.InHeader(line) ? PlaceDateInHeader : PlaceDateElsewhere);
        }

        if (HeaderPatterns.DateInWords().Match(line.Text) is { Success: true } words)
        {
            yield return InWords(page, line, words);
        }

        foreach (Match match in HeaderPatterns.PlaceNumericDate().Matches(line.Text))
        {
            var month = int.Parse(match.Groups["monthNumber"].Value, CultureInfo.InvariantCulture);
            yield return Reading(page, line, match, PlaceNumeric, month);
        }

        var labeled = HeaderPatterns.LabeledDate().Match(line.Text);
        var pada = labeled.Groups["pada"].Success;
        if (labeled.Success && (pada || (labeled.Groups["colon"].Success && page.InHeader(line))))
        {
            yield return Reading(page, line, labeled, Labeled);
        }

        if (page.InHeader(line) && !HeaderPatterns.EventLabel().IsMatch(line.Text))
        {
            foreach (Match match in HeaderPatterns.BareDate().Matches(line.Text))
            {
                yield return Reading(page, line, match, BareInHeader);
            }
        }
    }

    private static FieldReading? InWords(LetterPage page, TextLine line, Match match)
    {
        var day = NumberWords.Parse(match.Groups["dayWords"].Value);
        var year = NumberWords.Parse(match.Groups["yearWords"].Value);
        var month = MonthNames.Number(match.Groups["month"].Value);
        if (day is not { } d || year is not (>= 1900 and <= 2099) || month is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(year.Value, month))
        {
            return null;
        }

        var date = new DateOnly(year.Value, month, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var evidence = page.Evidence(line.Start + match.Index, line.Start + match.Index + match.Length);
        return new FieldReading(new ProposedField(date, InWordsConfidence, evidence));
    }

    private static FieldReading? Reading(LetterPage page, TextLine line, Match match, double confidence, int? monthNumber = null)
    {
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = monthNumber ?? MonthNames.Number(match.Groups["month"].Value);
        if (month is < 1 or > 12)
        {
            return null;
        }

        var day = match.Groups["day"].Success ? int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture) : 0;
        var evidence = page.Evidence(line.Start + match.Index, line.Start + match.Index + match.Length);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            var firstOfMonth = new DateOnly(year, month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new FieldReading(
                new ProposedField(firstOfMonth, DayMissing, evidence),
                $"the day is blank or unreadable in '{evidence.Quote}'; {firstOfMonth} is a placeholder");
        }


        var date = new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var note = confidence < ProposedField.LowConfidence ? $"'{date}' is a date in the header without a place; it may not be the letter's date" : null;
        return new FieldReading(new ProposedField(date, confidence, evidence), note);
    }

    // The day: the first number of one or two digits in a date's quote ("Jepara, 18 Desember 2018", "Tanggal : 6 Januari 2020").
    [GeneratedRegex(@"(?<!\d)\d{1,2}(?!\d)")]
    private static partial Regex DayDigits();
}
