using System.Globalization;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads an undangan's start time from "Waktu : 09.00 WIB s.d. selesai" as HH:mm; the
/// evidence quotes the whole line, time zone and end included.
/// </summary>
internal static class EventTimeReader
{
    private const double WithSeparator = 0.85;
    private const double WithoutSeparator = 0.6;

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        FieldReading.Best(EventLine.Find(pages, line => HeaderPatterns.EventTimeLabel().Match(line.Text))
            .Select(found => Candidate(found.Page, found.Line, found.LabelStart, found.Start, found.End, found.Separated)));

    private static FieldReading? Candidate(LetterPage page, TextLine line, int labelStart, int start, int end, bool separated)
    {
        var time = HeaderPatterns.ClockTime().Match(OcrDigits.Normalize(line.Text[start..end]));
        if (!time.Success)
        {
            return null;
        }

        var hour = int.Parse(time.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(time.Groups["minute"].Value, CultureInfo.InvariantCulture);
        var value = new TimeOnly(hour, minute).ToString("HH:mm", CultureInfo.InvariantCulture);
        return new FieldReading(new ProposedField(
            value, separated ? WithSeparator : WithoutSeparator, page.Evidence(line.Start + labelStart, line.Start + end)));
    }
}
