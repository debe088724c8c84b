namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads an undangan's venue from "Tempat : Aula KPU Provinsi Jawa Barat", with an
/// address line indented under it ("Jl. Garut No. 11, Bandung").
/// </summary>
internal static class EventPlaceReader
{
    private const double WithSeparator = 0.85;

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        FieldReading.Best(EventLine.Find(pages, line => HeaderPatterns.EventPlaceLabel().Match(line.Text))
            .Select(found => Candidate(found.Page, found.Line, found.LabelStart, found.Start, found.End, found.Separated)));

    private static FieldReading? Candidate(LetterPage page, TextLine line, int labelStart, int start, int end, bool separated)
    {
        // "Tempat kegiatan …" without a separator is a sentence.
        end = LineValue.TrimPunctuation(line.Text, start, end);
        if (!separated || LineShape.LetterCount(line.Text[start..end]) < 2)
        {
            return null;
        }

        var parts = new List<string> { line.Text[start..end] };
        var evidenceEnd = line.Start + end;
        if (line.Index + 1 < page.Lines.Count && page.Lines[line.Index + 1] is { IsBlank: false } next
            && next.Text.Length - next.Text.TrimStart().Length >= start
            && !HeaderPatterns.ContinuationStop().IsMatch(next.Text))
        {
            var nextStart = next.Text.Length - next.Text.TrimStart().Length;
            var nextEnd = LineValue.TrimPunctuation(next.Text, nextStart, LineValue.End(next.Text, nextStart));
            if (nextEnd > nextStart)
            {
                parts.Add(next.Text[nextStart..nextEnd]);
                evidenceEnd = next.Start + nextEnd;
            }
        }

        return new FieldReading(new ProposedField(
            LineShape.CollapseSpaces(string.Join(", ", parts)), WithSeparator, page.Evidence(line.Start + labelStart, evidenceEnd)));
    }
}
