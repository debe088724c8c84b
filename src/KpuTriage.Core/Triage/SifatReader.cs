using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Reads Sifat and splits it into the two axes it prints as one phrase: urgency
/// ("Segera", "Sangat Segera") and security ("Rahasia"), using the taxonomy's phrases.
/// A letter that prints no Sifat is "biasa" on both axes by the Tata Naskah, but that is
/// an assumption, so it is proposed with low confidence rather than hidden.
/// </summary>
internal sealed class SifatReader(Taxonomy taxonomy)
{
    private const double RawWithColon = 0.9;
    private const double RawWithOtherSeparator = 0.75;
    private const double ExactPhrase = 0.9;
    private const double ExactPhraseWeakLabel = 0.8;

    // "Penting", "Mendesak": the office's habit, not the regulation's word.
    private const double ApproximatePhrase = 0.5;

    // A classification printed on its own line, as stamped at the top of a secret letter.
    private const double StampedSecurity = 0.7;
    private const double DefaultWithSifatLine = 0.4;
    private const double DefaultWithoutSifatLine = 0.3;

    private readonly (SifatPhrase Phrase, Regex Regex)[] _urgency = Compile(taxonomy.UrgencyPhrases);
    private readonly (SifatPhrase Phrase, Regex Regex)[] _security = Compile(taxonomy.SecurityPhrases);

    private readonly (SifatPhrase Phrase, Regex Regex)[] _securityStamps =
    [
        .. taxonomy.SecurityPhrases
            .Where(p => p.Code != taxonomy.DefaultSecurity && !p.Approximate)
            .OrderByDescending(p => p.Phrase.Length)
            .Select(p => (p, PhraseMatcher.WholeLine(p.Phrase))),
    ];

    public (FieldReading Raw, FieldReading Urgency, FieldReading Security) Read(IReadOnlyList<LetterPage> pages)
    {
        var sifat = pages.SelectMany(page => page.Lines.Select(line => SifatLine(page, line))).FirstOrDefault(s => s is not null);
        if (sifat is not { } found)
        {
            return (FieldReading.Missing,
                Default(taxonomy.DefaultUrgency, "urgency", sifatLine: false),
                Stamp(pages) ?? Default(taxonomy.DefaultSecurity, "security", sifatLine: false));
        }

        var (page, start, end, labelConfidence, colon) = found;
        var raw = end > start
            ? new FieldReading(new ProposedField(LineShape.CollapseSpaces(page.Text[start..end]), labelConfidence, page.Evidence(start, end)))
            : FieldReading.Missing;
        var phraseConfidence = colon ? ExactPhrase : ExactPhraseWeakLabel;
        return (raw,
            Axis(_urgency, page, start, end, phraseConfidence) ?? Default(taxonomy.DefaultUrgency, "urgency", sifatLine: true),
            Axis(_security, page, start, end, phraseConfidence) ?? Stamp(pages) ?? Default(taxonomy.DefaultSecurity, "security", sifatLine: true));
    }

    private static (LetterPage Page, int Start, int End, double Confidence, bool Colon)? SifatLine(LetterPage page, TextLine line)
    {
        var label = HeaderPatterns.SifatLabel().Match(line.Text);
        if (!label.Success || (!label.Groups["sep"].Success && !page.InHeader(line)))
        {
            return null;
        }

        var start = label.Index + label.Length;
        var end = LineValue.TrimPunctuation(line.Text, start, LineValue.End(line.Text, start));
        var colon = label.Groups["sep"].Value == ":";
        return (page, line.Start + start, line.Start + end, colon ? RawWithColon : RawWithOtherSeparator, colon);
    }

    private static FieldReading? Axis((SifatPhrase Phrase, Regex Regex)[] phrases, LetterPage page, int start, int end, double confidence)
    {
        foreach (var (phrase, regex) in phrases)
        {
            var match = regex.Match(page.Text, start, end - start);
            if (match.Success)
            {
                var evidence = page.Evidence(match.Index, match.Index + match.Length);
                return phrase.Approximate
                    ? new FieldReading(
                        new ProposedField(phrase.Code, ApproximatePhrase, evidence),
                        $"'{match.Value}' is not a standard Sifat; '{phrase.Code}' is a suggestion")
                    : new FieldReading(new ProposedField(phrase.Code, confidence, evidence));
            }
        }

        return null;
    }

    private FieldReading? Stamp(IReadOnlyList<LetterPage> pages)
    {
        foreach (var page in pages)
        {
            foreach (var line in page.Lines)
            {
                foreach (var (phrase, regex) in _securityStamps)
                {
                    if (regex.IsMatch(line.Text))
                    {
                        return new FieldReading(new ProposedField(phrase.Code, StampedSecurity, page.Evidence(line)));
                    }
                }
            }
        }

        return null;
    }

    private static FieldReading Default(string code, string axis, bool sifatLine) =>
        sifatLine
            ? new(new ProposedField(code, DefaultWithSifatLine, null), $"Sifat says nothing about {axis}; '{code}' is assumed")
            : new(new ProposedField(code, DefaultWithoutSifatLine, null), $"the letter prints no Sifat; '{code}' is assumed");

    // Longest phrase first, so "Sangat Segera" is found before the "Segera" inside it.
    private static (SifatPhrase, Regex)[] Compile(IEnumerable<SifatPhrase> phrases) =>
        [.. phrases.OrderByDescending(p => p.Phrase.Length).Select(p => (p, PhraseMatcher.Phrase(p.Phrase)))];
}
