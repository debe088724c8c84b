namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads Tembusan, the copies to: the numbered ("1. … 2. …") or bulleted list under the
/// label, or one entry on the label's own line. Entries are joined with "; ".
/// </summary>
internal static class TembusanReader
{
    private const int MaxEntries = 15;

    private const double Listed = 0.85;

    // A single unmarked entry could be a closing remark printed under the label.
    private const double Unlisted = 0.65;

    public static FieldReading Read(IReadOnlyList<LetterPage> pages) =>
        FieldReading.Best(pages.SelectMany(page => page.Lines.Select(line => Candidate(page, line))));

    private static FieldReading? Candidate(LetterPage page, TextLine line)
    {
        var label = HeaderPatterns.TembusanLabel().Match(line.Text);
        if (!label.Success)
        {
            return null;
        }

        var entries = new List<string>();
        var evidenceEnd = line.Start + line.Text.TrimEnd().Length;
        var listed = false;
        var inline = Entry(line, label.Index + label.Length);

        // "Tembusan surat ini …" with no separator is a sentence, not the label.
        if (inline is not null && label.Value.IndexOfAny([':', ';', '.']) < 0)
        {
            return null;
        }

        if (inline is { } first)
        {
            entries.Add(first.Text);
            listed = first.Marked;
        }

        var blanks = 0;
        foreach (var next in page.Lines.Skip(line.Index + 1))
        {
            if (next.IsBlank)
            {
                // One blank line may sit between the label and its list; after an entry a blank ends it.
                if (entries.Count > 0 || ++blanks > 1)
                {
                    break;
                }

                continue;
            }

            if (Entry(next, 0) is not { } entry || entries.Count >= MaxEntries)
            {
                break;
            }

            if (!entry.Marked && entries.Count > 0 && listed)
            {
                // An unmarked line under a numbered entry continues it.
                entries[^1] += " " + entry.Text;
            }
            else if (!entry.Marked && entries.Count > 0)
            {
                break;
            }
            else
            {
                entries.Add(entry.Text);
                listed |= entry.Marked;
            }

            evidenceEnd = next.Start + entry.End;
        }

        if (entries.Count == 0)
        {
            return null;
        }

        var value = string.Join("; ", entries.Select(LineShape.CollapseSpaces));
        return new FieldReading(new ProposedField(
            value, listed ? Listed : Unlisted, page.Evidence(line.Start + label.Groups["label"].Index, evidenceEnd)));
    }

    /// <returns>The entry's text without its marker and closing punctuation, its end in the line, and whether it had a marker.</returns>
    private static (string Text, int End, bool Marked)? Entry(TextLine line, int start)
    {
        var marker = HeaderPatterns.ListMarker().Match(line.Text[start..]);
        var textStart = marker.Success ? start + marker.Length : start;
        var end = LineValue.TrimPunctuation(line.Text, textStart, line.Text.TrimEnd().Length);
        if (end <= textStart || LineShape.LetterCount(line.Text[textStart..end]) < 2 || HeaderPatterns.IdentityLine().IsMatch(line.Text[textStart..]))
        {
            return null;
        }

        return (line.Text[textStart..end].Trim(), end, marker.Success);
    }
}
