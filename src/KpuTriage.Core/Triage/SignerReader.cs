namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads the signature block: the signer's position is the short line ending in ","
/// nearest the end of the letter ("Ketua,", "Sekretaris,"), with the "a.n. Ketua" or
/// "Plh." line above it when there is one; the signer's name is the next line with text
/// under the space left for the signature and stamp.
/// </summary>
internal static class SignerReader
{
    private const int MaxPositionWords = 10;
    private const int MaxPositionLength = 80;

    // The signature and stamp leave a few blank or noisy lines between position and name.
    private const int NameWithin = 6;

    private const double Position = 0.8;

    // A comma-ended line with text right above it may be the end of a body sentence.
    private const double PositionAfterText = 0.55;
    private const double Name = 0.75;

    /// <returns>The position and the name; both missing when no signature block is found.</returns>
    public static (FieldReading Position, FieldReading Name) Read(IReadOnlyList<LetterPage> pages)
    {
        var found = pages.Select(Block).OfType<(FieldReading Position, FieldReading Name)>().ToList();
        return found.Count == 0 ? (FieldReading.Missing, FieldReading.Missing) : found.MaxBy(f => f.Position.Field.Confidence);
    }

    private static (FieldReading Position, FieldReading Name)? Block(LetterPage page)
    {
        var tembusan = page.Lines.FirstOrDefault(l => !l.IsBlank && HeaderPatterns.TembusanLabel().IsMatch(l.Text) && !page.InHeader(l));
        var lastLine = tembusan.Text is null ? page.Lines.Count : tembusan.Index;
        for (var i = lastLine - 1; i >= 0; i--)
        {
            var line = page.Lines[i];
            if (page.InHeader(line) && page.HeaderLineCount < page.Lines.Count)
            {
                break;
            }

            if (IsPosition(line))
            {
                return (PositionReading(page, line), NameReading(page, line));
            }
        }

        return null;
    }

    private static bool IsPosition(TextLine line)
    {
        var text = line.Text.Trim();
        if (!text.EndsWith(',') || text.Length > MaxPositionLength || text.Any(char.IsAsciiDigit) || text.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var head = HeaderPatterns.OnBehalf().Match(text);
        var rest = head.Success ? text[head.Length..].TrimStart() : text;
        return words.Length <= MaxPositionWords
            && rest.Length > 1
            && char.IsUpper(rest[0])
            && !HeaderPatterns.Closing().IsMatch(text)
            && !HeaderPatterns.BodyStart().IsMatch(text)
            && !HeaderPatterns.PlaceDate().IsMatch(text);
    }

    private static FieldReading PositionReading(LetterPage page, TextLine line)
    {
        var first = line;
        if (line.Index > 0 && page.Lines[line.Index - 1] is { IsBlank: false } above && HeaderPatterns.OnBehalf().IsMatch(above.Text))
        {
            first = above;
        }

        var before = first.Index > 0 ? page.Lines[first.Index - 1] : default;
        var confidence = before.Text is null || before.IsBlank || first.Index != line.Index ? Position : PositionAfterText;
        var (start, _) = first.Trimmed();
        var (_, end) = line.Trimmed();
        var valueEnd = LineValue.TrimPunctuation(page.Text, start, end);
        var value = LineShape.CollapseSpaces(page.Text[start..valueEnd].Replace('\n', ' ').Replace('\r', ' '));
        var note = confidence < ProposedField.LowConfidence ? $"'{value}' ends with a comma but follows text; it may be part of the body" : null;
        return new FieldReading(new ProposedField(value, confidence, page.Evidence(start, end)), note);
    }

    private static FieldReading NameReading(LetterPage page, TextLine position)
    {
        foreach (var line in page.Lines.Skip(position.Index + 1).Take(NameWithin))
        {
            var text = line.Text.Trim().Trim('_', ' ', '(', ')');
            if (LineShape.LetterCount(text) < 3)
            {
                continue;
            }

            if (text.Contains(':', StringComparison.Ordinal)
                || HeaderPatterns.IdentityLine().IsMatch(text)
                || HeaderPatterns.TembusanLabel().IsMatch(text)
                || (text.EndsWith(',') && !text.Contains('.', StringComparison.Ordinal)))
            {
                return FieldReading.Missing;
            }

            var offset = line.Text.IndexOf(text, StringComparison.Ordinal);
            var start = line.Start + offset;
            return new FieldReading(new ProposedField(LineShape.CollapseSpaces(text), Name, page.Evidence(start, start + text.Length)));
        }

        return FieldReading.Missing;
    }
}
