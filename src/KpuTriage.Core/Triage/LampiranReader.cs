namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads Lampiran, the attachments ("2 (dua) lembar", "1 (satu) berkas"), or "-" when the
/// letter says there are none.
/// </summary>
internal static class LampiranReader
{
    private const double WithColon = 0.9;

    // "Lampiran;" or "Lampiran." is OCR mangling a colon: the label is still certain.
    private const double WithOtherSeparator = 0.75;

    // Without a separator only a count or a dash is taken: "Lampiran surat …" is a sentence.
    private const double WithoutSeparator = 0.55;

    // Outside the header the label may belong to an attachment's own header.
    private const double OutsideHeader = 0.7;

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        FieldReading.Best(pages.SelectMany(page => page.Lines.Select(line => Candidate(page, line))));

    private static FieldReading? Candidate(LetterPage page, TextLine line)
    {
        var label = HeaderPatterns.LampiranLabel().Match(line.Text);
        if (!label.Success)
        {
            return null;
        }

        var start = label.Index + label.Length;
        var end = LineValue.End(line.Text, start);
        if (end <= start)
        {
            return null;
        }

        var raw = Count(line.Text[start..end]);
        var isNone = raw.Trim() is "-" or "–" or "—" or "--";
        var separator = label.Groups["sep"].Value.Trim();
        if (separator.Length == 0 && !isNone && !char.IsAsciiDigit(raw[0]))
        {
            return null;
        }

        if (!isNone)
        {
            end = LineValue.TrimPunctuation(line.Text, start, end);
            if (end <= start)
            {
                return null;
            }

            raw = Count(line.Text[start..end]);
        }

        var confidence = separator.EndsWith(':') ? WithColon : separator.Length > 0 ? WithOtherSeparator : WithoutSeparator;
        if (!page.InHeader(line))
        {
            confidence = Math.Min(confidence, OutsideHeader);
        }

        var value = isNone ? "-" : LineShape.CollapseSpaces(raw);
        var note = confidence < ProposedField.LowConfidence ? "the 'Lampiran' label has no colon" : null;
        return new FieldReading(
            new ProposedField(value, confidence, page.Evidence(line.Start + label.Groups["label"].Index, line.Start + end)),
            note);
    }

    // "l (satu) lembar": a lone 'l' or 'I' before the count in words is the digit 1.
    private static string Count(string value)
    {
        var normalized = OcrDigits.Normalize(value);
        return normalized.Length > 2 && normalized[0] is 'l' or 'I' && !char.IsLetter(normalized[1]) && normalized.TrimStart('l', 'I', ' ').StartsWith('(')
            ? "1" + normalized[1..]
            : normalized;
    }
}
