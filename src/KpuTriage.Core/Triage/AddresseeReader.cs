namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads the addressee after "Yth." or "Kepada Yth.": on the same line, or on the lines
/// under the label. A second line joins when it continues the name ("Pejabat Pengelola
/// Informasi …" / "KPU Kabupaten Purwakarta"); the place ("di Purwakarta") ends it.
/// </summary>
internal static class AddresseeReader
{
    private const int MaxLines = 2;

    private const double OnLabelLine = 0.9;
    private const double UnderLabel = 0.85;

    // A second line might be the start of the body when no "di …" or blank line ends the name.
    private const double WithContinuation = 0.8;

    // "Yth" without its dot is OCR noise or a body sentence.
    private const double WithoutDot = 0.7;
    private const double OutsideHeader = 0.65;

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        FieldReading.Best(pages.SelectMany(page => page.Lines.Select(line => Candidate(page, line))));

    private static FieldReading? Candidate(LetterPage page, TextLine line)
    {
        var label = HeaderPatterns.AddresseeLabel().Match(line.Text);
        if (!label.Success)
        {
            return null;
        }

        var confidence = label.Groups["sep"].Success ? OnLabelLine : WithoutDot;
        var parts = new List<string>();
        var evidenceEnd = 0;
        var first = Value(line, label.Index + label.Length);
        var next = line.Index + 1;
        if (first is null)
        {
            var under = page.Lines.Skip(line.Index + 1).Take(2).FirstOrDefault(l => !l.IsBlank);
            if (under.Text is null || IsStop(under) || (first = Value(under, 0)) is null)
            {
                return null;
            }

            confidence = Math.Min(confidence, UnderLabel);
            next = under.Index + 1;
            evidenceEnd = under.Start + first.Value.End;
        }
        else
        {
            evidenceEnd = line.Start + first.Value.End;
        }

        parts.Add(first.Value.Text);
        if (!first.Value.PlaceCut)
        {
            foreach (var continuation in page.Lines.Skip(next).Take(MaxLines - 1))
            {
                if (continuation.IsBlank || IsStop(continuation) || Value(continuation, 0) is not { } more)
                {
                    break;
                }

                parts.Add(more.Text);
                evidenceEnd = continuation.Start + more.End;
                confidence = Math.Min(confidence, WithContinuation);
            }
        }

        if (!page.InHeader(line))
        {
            confidence = Math.Min(confidence, OutsideHeader);
        }

        var value = LineShape.CollapseSpaces(string.Join(' ', parts));
        return new FieldReading(new ProposedField(value, confidence, page.Evidence(line.Start + label.Groups["label"].Index, evidenceEnd)));
    }

    private static bool IsStop(TextLine line) =>
        HeaderPatterns.AddresseePlace().IsMatch(line.Text)
        || HeaderPatterns.BodyStart().IsMatch(line.Text)
        || HeaderPatterns.PlaceDate().IsMatch(line.Text)
        || (HeaderPatterns.ContinuationStop().IsMatch(line.Text) && !IsPersonTitle(line.Text));

    // "Bapak Bupati Purwakarta" and "Sdr. Ketua …" start an addressee, though they stop a Perihal.
    private static bool IsPersonTitle(string text) =>
        text.TrimStart().StartsWith("Bapak", StringComparison.OrdinalIgnoreCase)
        || text.TrimStart().StartsWith("Ibu", StringComparison.OrdinalIgnoreCase)
        || text.TrimStart().StartsWith("Sdr", StringComparison.OrdinalIgnoreCase);

    /// <returns>The value from <paramref name="start"/> without a run-on place, its end offset in the line, and whether a place was cut.</returns>
    private static (string Text, int End, bool PlaceCut)? Value(TextLine line, int start)
    {
        start += line.Text.Length - start - line.Text[start..].TrimStart().Length;
        var end = LineValue.End(line.Text, start);
        var place = HeaderPatterns.InlinePlace().Match(line.Text, start, end - start);
        var placeCut = place.Success;
        if (placeCut)
        {
            end = place.Index;
        }

        end = LineValue.TrimPunctuation(line.Text, start, end);
        return LineShape.LetterCount(line.Text[start..end]) < 2 ? null : (line.Text[start..end], end, placeCut);
    }
}
