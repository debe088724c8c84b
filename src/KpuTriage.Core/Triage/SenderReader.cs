using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads the sender from the kop (letterhead): the upper-case lines at the top of the
/// first page, joined ("KOMISI PEMILIHAN UMUM" + "PROVINSI JAWA BARAT"), ending at the
/// address line or the letter's title. A citizen's letter has no kop; its "Nama :" is used.
/// </summary>
internal sealed class SenderReader(Taxonomy taxonomy)
{
    // A kop starts within the first few lines (a logo can leave a line of OCR noise).
    private const int KopStartWithin = 3;
    private const int MaxKopLines = 4;

    private const double KopWithAgencyWord = 0.85;

    // Upper case alone could be a person's name or a title the taxonomy does not know.
    private const double KopWithoutAgencyWord = 0.45;
    private const double PersonName = 0.5;

    private readonly Regex? _agencyWord = PhraseMatcher.AnyOf(taxonomy.LetterheadWords);
    private readonly Regex[] _titles = [.. taxonomy.LetterTypes.SelectMany(t => t.TitleKeywords).Select(PhraseMatcher.LineStart)];
    private readonly Regex[] _stamps = [.. taxonomy.SecurityPhrases.Concat(taxonomy.UrgencyPhrases).Select(p => PhraseMatcher.WholeLine(p.Phrase))];

    /// <returns>The sender, and whether it came from a kop (an agency wrote the letter).</returns>
    public (FieldReading Sender, bool HasLetterhead) Read(IReadOnlyList<LetterPage> pages)
    {
        var first = pages.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.Text));
        if (first is null)
        {
            return (FieldReading.Missing, false);
        }

        var kop = Kop(first);
        if (kop is not null)
        {
            return (kop, true);
        }

        return (FieldReading.Best(pages.SelectMany(page => page.Lines.Select(line => Name(page, line)))), false);
    }

    private FieldReading? Kop(LetterPage page)
    {
        var candidates = page.Lines.Where(line => !line.IsBlank).Take(KopStartWithin).ToList();
        var start = candidates.FindIndex(IsKopLine);
        if (start < 0)
        {
            return null;
        }

        var lines = page.Lines
            .Skip(candidates[start].Index)
            .TakeWhile(IsKopLine)
            .Take(MaxKopLines)
            .ToList();
        var text = string.Join(' ', lines.Select(line => line.Text));
        var confidence = _agencyWord?.IsMatch(text) == true ? KopWithAgencyWord : KopWithoutAgencyWord;
        var evidence = page.Evidence(lines[0].Trimmed().Start, lines[^1].Trimmed().End);
        var note = confidence < ProposedField.LowConfidence
            ? $"'{LineShape.CollapseSpaces(text)}' is upper case at the top of the letter but names no known kind of agency"
            : null;
        return new FieldReading(new ProposedField(LineShape.CollapseSpaces(text), confidence, evidence), note);
    }

    private bool IsKopLine(TextLine line) =>
        !line.IsBlank
        && LineShape.IsUpperCase(line.Text)
        && !line.Text.Contains(':', StringComparison.Ordinal)
        && !HeaderPatterns.AddressLine().IsMatch(line.Text)
        && !HeaderPatterns.NumberLabel().IsMatch(line.Text)
        && !HeaderPatterns.GenericTitle().IsMatch(line.Text)
        && !_titles.Any(title => title.IsMatch(line.Text))
        && !_stamps.Any(stamp => stamp.IsMatch(line.Text));

    private static FieldReading? Name(LetterPage page, TextLine line)
    {
        var label = HeaderPatterns.NameLabel().Match(line.Text);
        if (!label.Success)
        {
            return null;
        }

        var start = label.Index + label.Length;
        var end = LineValue.TrimPunctuation(line.Text, start, LineValue.End(line.Text, start));
        if (LineShape.LetterCount(line.Text[start..end]) < 2)
        {
            return null;
        }

        var name = LineShape.CollapseSpaces(line.Text[start..end]);
        return new FieldReading(
            new ProposedField(name, PersonName, page.Evidence(line.Start + start, line.Start + end)),
            $"no letterhead; '{name}' is the name the writer gave");
    }
}
