namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads Hal/Perihal, the subject, with up to two continuation lines: a long subject
/// wraps under its first line ("Undangan Rapat Koordinasi Persiapan" / "Pemilihan
/// Serentak Tahun 2024").
/// </summary>
internal static partial class PerihalReader
{
    private const int MaxContinuationLines = 2;

    private const double WithColon = 0.9;

    // "Perihal;" or "Hal." is OCR mangling a colon: the label is still certain.
    private const double WithOtherSeparator = 0.75;

    // "Perihal" with no separator could begin a body sentence, so it stays a warning.
    private const double WithoutSeparator = 0.55;

    // Whether the next line continues the subject is a guess unless it is indented under it.
    private const double IndentedContinuation = 0.85;
    private const double UnindentedContinuation = 0.7;
    private const double GappedContinuation = 0.65;

    // A first line at least this long was probably wrapped by the column, not ended.
    private const int WrappedAt = 30;

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        FieldReading.Best(pages.SelectMany(page => page.Lines.Select(line => Candidate(page, line))));

    private static FieldReading? Candidate(LetterPage page, TextLine line)
    {
        var label = HeaderPatterns.PerihalLabel().Match(line.Text);
        if (!label.Success)
        {
            return null;
        }

        var separator = label.Groups["sep"].Value;
        var isHal = label.Groups["label"].Value.Length == 3;

        // "Hal" without ':' or ';' is a body sentence ("Hal tersebut …") or "Hal. 2" (a page).
        if ((isHal && separator is not (":" or ";" or "=" or "-")) || (separator.Length == 0 && !page.InHeader(line)))
        {
            return null;
        }

        var start = label.Index + label.Length;
        var end = LineValue.End(line.Text, start);
        if (LineShape.LetterCount(line.Text[start..end]) < 2)
        {
            return null;
        }

        var confidence = separator == ":" ? WithColon : separator.Length > 0 ? WithOtherSeparator : WithoutSeparator;
        var parts = new List<string> { line.Text[start..end] };
        var evidenceEnd = line.Start + end;
        var index = line.Index + 1;
        for (var taken = 0; taken < MaxContinuationLines && index < page.Lines.Count; taken++, index++)
        {
            var next = page.Lines[index];

            // OCR sets a blank line between the wrapped lines of a long subject and loses the
            // indent; a long first part that ran to the column's edge may go on after one.
            var gapped = false;
            if (next.IsBlank && page.IsOcr && parts[^1].Trim().Length >= WrappedAt && index + 1 < page.Lines.Count
                && !Addressee().IsMatch(page.Lines[index + 1].Text))
            {
                next = page.Lines[++index];
                gapped = true;
            }

            var continuation = Continuation(next);
            if (continuation is null)
            {
                break;
            }

            parts.Add(continuation.Value.Text);
            evidenceEnd = next.Start + continuation.Value.End;
            confidence = Math.Min(confidence, gapped ? GappedContinuation : char.IsWhiteSpace(next.Text[0]) ? IndentedContinuation : UnindentedContinuation);
        }

        var value = LineShape.CollapseSpaces(string.Join(' ', parts));
        if (page.IsOcr)
        {
            // A lone "|" between words is OCR's capital I ("Triwulan | Tahun 2026").
            value = value.Replace(" | ", " I ", StringComparison.Ordinal);
        }

        var note = confidence < ProposedField.LowConfidence
            ? "the 'Perihal' label has no colon; it may be a sentence of the body"
            : null;
        return new FieldReading(
            new ProposedField(value, confidence, page.Evidence(line.Start + label.Groups["label"].Index, evidenceEnd)),
            note);
    }

    private static (string Text, int End)? Continuation(TextLine line)
    {
        if (line.IsBlank || HeaderPatterns.ContinuationStop().IsMatch(line.Text) || HeaderPatterns.PlaceDate().IsMatch(line.Text))
        {
            return null;
        }

        var start = line.Text.Length - line.Text.TrimStart().Length;
        var end = LineValue.End(line.Text, start);
        return end > start ? (line.Text[start..end], end) : null;
    }

    // Who a letter is addressed to, on the line after the subject: never part of it.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:Yth|Kepada|Ketua|Kepala|Sekretaris|Bupati|Direktur|Bapak|Ibu|Sdr)(?!\p{L})", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Addressee();
}
