namespace KpuTriage.Core.Triage;

/// <summary>
/// Finds an undangan's event lines ("Hari/Tanggal :", "Waktu :", "Tempat :") in the body,
/// where the letter's own header labels cannot be mistaken for them.
/// </summary>
internal static class EventLine
{
    /// <returns>The label line's value: its start and end in the line, and whether the label had a separator.</returns>
    public static IEnumerable<(LetterPage Page, TextLine Line, int LabelStart, int Start, int End, bool Separated)> Find(
        IReadOnlyList<LetterPage> pages, Func<TextLine, System.Text.RegularExpressions.Match> label)
    {
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                var match = label(line);
                if (!match.Success)
                {
                    continue;
                }

                var start = match.Index + match.Length;
                // Not LineValue.End: that cuts a date off as the right-hand column, and here the date is the value.
                var stop = HeaderPatterns.ValueStop().Match(line.Text, start);
                var end = (stop.Success ? stop.Index : line.Text.Length) - (stop.Success ? 0 : line.Text.Length - line.Text.TrimEnd().Length);
                end = Math.Max(start, end);
                if (end > start)
                {
                    yield return (page, line, match.Groups["label"].Index, start, end, match.Groups["sep"].Success);
                }
            }
        }
    }
}
