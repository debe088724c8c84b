using System.Globalization;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads an undangan's event day from "Hari/Tanggal : Kamis, 20 Maret 2025" as ISO
/// yyyy-MM-dd, and checks the printed weekday against the date: a mismatch means a typo
/// in one of them, so the clerk must look.
/// </summary>
internal static class EventDateReader
{
    private const double WeekdayMatches = 0.9;
    private const double NoWeekday = 0.8;

    // A word before the date that is no weekday is usually an OCR-mangled one.
    private const double WeekdayUnreadable = 0.7;
    private const double WeekdayMismatch = 0.45;
    private const double WithoutSeparator = 0.6;

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Senin"] = DayOfWeek.Monday, ["Selasa"] = DayOfWeek.Tuesday, ["Rabu"] = DayOfWeek.Wednesday,
        ["Kamis"] = DayOfWeek.Thursday, ["Jumat"] = DayOfWeek.Friday, ["Jum'at"] = DayOfWeek.Friday,
        ["Sabtu"] = DayOfWeek.Saturday, ["Minggu"] = DayOfWeek.Sunday, ["Ahad"] = DayOfWeek.Sunday,
    };

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        FieldReading.Best(EventLine.Find(pages, line => HeaderPatterns.EventDateLabel().Match(line.Text))
            .Select(found => Candidate(found.Page, found.Line, found.LabelStart, found.Start, found.End, found.Separated)));

    private static FieldReading? Candidate(LetterPage page, TextLine line, int labelStart, int start, int end, bool separated)
    {
        var label = HeaderPatterns.EventDateLabel().Match(line.Text);

        // A bare "Tanggal :" in the header is the letter's own date (nota dinas).
        var hasHari = label.Groups["hari"].Success;
        if (!hasHari && (page.InHeader(line) || !separated))
        {
            return null;
        }

        var value = OcrDigits.Normalize(line.Text[start..end]);
        var match = HeaderPatterns.EventDay().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = MonthNames.Number(match.Groups["month"].Value);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day);
        var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var weekday = match.Groups["weekday"];
        string? note = null;
        double confidence;
        if (!weekday.Success)
        {
            confidence = NoWeekday;
        }
        else if (!Weekdays.TryGetValue(weekday.Value, out var printed))
        {
            confidence = WeekdayUnreadable;
        }
        else if (printed == date.DayOfWeek)
        {
            confidence = WeekdayMatches;
        }
        else
        {
            confidence = WeekdayMismatch;
            note = $"the letter says {weekday.Value} but {iso} is a {date.DayOfWeek}; one of them is a typo";
        }

        if (!separated)
        {
            confidence = Math.Min(confidence, WithoutSeparator);
        }

        var evidenceEnd = line.Start + start + match.Index + match.Length;
        return new FieldReading(new ProposedField(iso, confidence, page.Evidence(line.Start + labelStart, evidenceEnd)), note);
    }
}
