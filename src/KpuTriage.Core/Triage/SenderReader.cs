using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads the sender from the kop (letterhead): the upper-case lines at the top of the
/// first page (blank lines between them allowed: scans space a kop out), ending at the
/// address line or the letter's title. A kop printed as a hierarchy ("PEMERINTAH KABUPATEN
/// JEPARA" / "DINAS KESEHATAN") is split into its bodies at the taxonomy's
/// <c>letterhead_bodies</c> and named most specific first ("DINAS KESEHATAN, PEMERINTAH
/// KABUPATEN JEPARA"), the evidence quoting the whole kop. A letter with no textual kop is
/// sent by its signer's office when the signer holds one of <c>signer_offices</c> ("BUPATI
/// JEPARA,"); else a citizen's "Nama :" is used.
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

    // An office that signs in its own name sends the letter; the rule only misses when a
    // kop OCR could not read named a body under it.
    private const double SignerOffice = 0.7;

    // A kop is spaced out by blank lines on scans; more than this many in a row end it.
    private const int MaxBlankLinesInKop = 2;

    private readonly Regex? _agencyWord = PhraseMatcher.AnyOf(taxonomy.LetterheadWords);
    private readonly Regex[] _titles = [.. taxonomy.LetterTypes.SelectMany(t => t.TitleKeywords).Select(PhraseMatcher.LineStart)];
    private readonly Regex[] _stamps = [.. taxonomy.SecurityPhrases.Concat(taxonomy.UrgencyPhrases).Select(p => PhraseMatcher.WholeLine(p.Phrase))];
    private readonly Regex[] _bodies = [.. taxonomy.LetterheadBodies.Select(PhraseMatcher.LineStart)];
    private readonly Regex[] _offices = [.. taxonomy.SignerOffices.Select(PhraseMatcher.LineStart)];

    /// <returns>The sender, and whether it came from a kop (an agency wrote the letter).</returns>
    /// <param name="signerPosition">The signature block's position line ("a.n. BUPATI JEPARA Sekretaris Daerah"), if read.</param>
    public (FieldReading Sender, bool HasLetterhead) Read(IReadOnlyList<LetterPage> pages, ProposedField signerPosition)
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

        if (Office(signerPosition) is { } office)
        {
            return (office, false);
        }

        return (FieldReading.Best(pages.SelectMany(page => page.Lines.Select(line => Name(page, line)))), false);
    }

    /// <summary>
    /// The office in a signature block: the principal of an "a.n."/"u.b." line when there is
    /// one (the letter is sent in that office's name), else the position itself; null when it
    /// is no office of the taxonomy's list or names no body ("Ketua," alone).
    /// </summary>
    private FieldReading? Office(ProposedField position)
    {
        if (position.Value is null || position.Evidence is not { } evidence)
        {
            return null;
        }

        // "a.n. BUPATI JEPARA" over "Sekretaris Daerah,": the principal is the first line.
        var first = evidence.Quote.Split('\n')[0].Trim();
        var onBehalf = HeaderPatterns.OnBehalf().Match(first);
        var office = LineShape.CollapseSpaces((onBehalf.Success ? first[onBehalf.Length..] : first).Trim().TrimEnd(',', ' '));
        var known = _offices.Select(o => o.Match(office)).FirstOrDefault(m => m.Success);
        if (known is null || office.Length - known.Length < 3)
        {
            return null;
        }

        return new FieldReading(new ProposedField(office, SignerOffice, evidence));
    }

    private FieldReading? Kop(LetterPage page)
    {
        var candidates = page.Lines.Where(line => !line.IsBlank).Take(KopStartWithin).ToList();
        var start = candidates.FindIndex(IsKopLine);
        if (start < 0)
        {
            return null;
        }

        var lines = KopLines(page, candidates[start].Index);
        var text = string.Join(' ', lines.Select(line => line.Text));
        var confidence = _agencyWord?.IsMatch(text) == true ? KopWithAgencyWord : KopWithoutAgencyWord;

        // The evidence spans the whole kop, so the hierarchy above the named body stays in view.
        var evidence = page.Evidence(lines[0].Trimmed().Start, lines[^1].Trimmed().End);
        var value = string.Join(", ", Bodies(lines).Reverse());
        var note = confidence < ProposedField.LowConfidence
            ? $"'{LineShape.CollapseSpaces(text)}' is upper case at the top of the letter but names no known kind of agency"
            : null;
        return new FieldReading(new ProposedField(value, confidence, evidence), note);
    }

    private List<TextLine> KopLines(LetterPage page, int first)
    {
        var lines = new List<TextLine>();
        var blanks = 0;
        foreach (var line in page.Lines.Skip(first))
        {
            if (line.IsBlank)
            {
                if (++blanks > MaxBlankLinesInKop)
                {
                    break;
                }

                continue;
            }

            // A lone word after a gap ("SALINAN", "PETIKAN") is a stamp over the title, not a body.
            if (!IsKopLine(line) || lines.Count == MaxKopLines || (blanks > 0 && line.Text.Trim().IndexOf(' ', StringComparison.Ordinal) < 0))
            {
                break;
            }

            blanks = 0;
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The kop's bodies from the top down: a line opening with a body word starts one, other lines continue it.</summary>
    private IEnumerable<string> Bodies(List<TextLine> lines)
    {
        var body = new List<string>();
        foreach (var line in lines)
        {
            if (body.Count > 0 && _bodies.Any(b => b.IsMatch(line.Text)))
            {
                yield return LineShape.CollapseSpaces(string.Join(' ', body)).TrimEnd(',', ' ');
                body.Clear();
            }

            body.Add(line.Text);
        }

        yield return LineShape.CollapseSpaces(string.Join(' ', body)).TrimEnd(',', ' ');
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
