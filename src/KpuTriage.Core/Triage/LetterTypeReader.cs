using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Guesses the letter type (jenis naskah) from the taxonomy's hints: a title line, the
/// number's prefix or KPU suffix, words in the Perihal, words in the body. Hints for the
/// same type add up; hints for different types make the answer doubtful.
/// </summary>
internal sealed class LetterTypeReader
{
    private const int TitleWithinLines = 30;

    private const double Title = 0.85;
    private const double NumberHint = 0.8;
    private const double SubjectWord = 0.7;

    // A word in the body ("permohonan informasi publik") is also found in letters that
    // merely mention such requests.
    private const double BodyWord = 0.45;
    private const double BodyWordWithEvent = 0.7;
    private const double FallbackWithLetterhead = 0.35;
    private const double FallbackWithoutLetterhead = 0.3;

    private const double MaxCombined = 0.95;
    private const double RivalThreshold = 0.5;
    private const double Disputed = 0.55;

    private readonly Taxonomy _taxonomy;
    private readonly (string Code, Regex Regex)[] _titles;
    private readonly (string Code, Regex? Prefix, Regex? Suffix)[] _numberHints;
    private readonly (string Code, Regex Regex)[] _subjects;
    private readonly (string Code, Regex Regex)[] _bodies;

    public LetterTypeReader(Taxonomy taxonomy)
    {
        _taxonomy = taxonomy;
        _titles = Longest(taxonomy, t => t.TitleKeywords, PhraseMatcher.Title);
        _subjects = Longest(taxonomy, t => t.SubjectKeywords, PhraseMatcher.Phrase);
        _numberHints =
        [
            .. taxonomy.LetterTypes.Select(t => (t.Code, Prefix(t.NumberPrefixes), Suffix(t.NumberSuffixes))),
        ];
        _bodies =
        [
            .. taxonomy.LetterTypes
                .Select(t => (t.Code, Regex: PhraseMatcher.AnyOf(t.BodyKeywords)))
                .Where(b => b.Regex is not null)
                .Select(b => (b.Code, b.Regex!)),
        ];
    }

    /// <param name="hasEvent">The body gives an event's date, time or place (an invitation's "Hari/Tanggal … Pukul … Tempat" block).</param>
    public FieldReading Read(IReadOnlyList<LetterPage> pages, ProposedField number, ProposedField perihal, bool hasLetterhead, bool hasEvent = false)
    {
        var hints = new List<Hint>();
        hints.AddRange(TitleHints(pages));
        hints.AddRange(NumberHints(number));
        hints.AddRange(SubjectHints(perihal));
        hints.AddRange(BodyHints(pages, perihal.Evidence, hasEvent));
        if (hints.Count == 0)
        {
            return Fallback(hasLetterhead);
        }

        var scored = hints
            .GroupBy(h => h.Code)
            .Select(g => (Code: g.Key, Score: Math.Min(MaxCombined, 1 - g.Aggregate(1.0, (rest, h) => rest * (1 - h.Confidence))), Strongest: g.MaxBy(h => h.Confidence)!))
            .OrderByDescending(s => s.Score)
            .ToList();
        var best = scored[0];
        // A title names the document's form; phrases in its body say what it is about (a nota
        // dinas may invite to a meeting): they do not dispute the title.
        if (best.Strongest.Source == TitleSource)
        {
            scored = [best, .. scored.Skip(1).Where(s => !s.Strongest.FromBody)];
        }

        if (scored.Count > 1 && scored[1].Score >= RivalThreshold)
        {
            var rivals = string.Join(", ", scored.Select(s => s.Code));
            return new FieldReading(
                new ProposedField(best.Code, Math.Min(best.Score, Disputed), best.Strongest.Evidence),
                $"the hints disagree ({rivals}); '{best.Code}' has the most");
        }

        var note = best.Score < ProposedField.LowConfidence ? $"'{best.Code}' rests only on {best.Strongest.Source}" : null;
        return new FieldReading(new ProposedField(best.Code, best.Score, best.Strongest.Evidence), note);
    }

    private IEnumerable<Hint> TitleHints(IReadOnlyList<LetterPage> pages)
    {
        var page = pages.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.Text));
        var lines = page?.Lines.Take(Math.Min(page.HeaderLineCount, TitleWithinLines)) ?? [];
        foreach (var line in lines.Where(l => !l.IsBlank && !l.Text.Contains(':', StringComparison.Ordinal)))
        {
            foreach (var (code, regex) in _titles)
            {
                var match = regex.Match(line.Text);

                // A title is set in capitals, or is the keyword alone ("Nota Dinas" from OCR).
                if (match.Success && (LineShape.IsUpperCase(line.Text) || match.Length == line.Text.TrimEnd().Length))
                {
                    yield return new Hint(code, Title, page!.Evidence(line), TitleSource);
                    yield break;
                }
            }
        }
    }

    private IEnumerable<Hint> NumberHints(ProposedField number)
    {
        if (number.Value is not { } value)
        {
            yield break;
        }

        foreach (var (code, prefix, suffix) in _numberHints)
        {
            var match = prefix?.Match(value) is { Success: true } p ? p : suffix?.Match(value);
            if (match is { Success: true })
            {
                yield return new Hint(code, NumberHint, number.Evidence, $"'{match.Value}' in the number");
            }
        }
    }

    private List<Hint> SubjectHints(ProposedField perihal)
    {
        if (perihal.Evidence is not { } evidence)
        {
            return [];
        }

        var claimed = new List<(int Start, int End)>();
        var hints = new List<Hint>();
        foreach (var (code, regex) in _subjects)
        {
            var match = regex.Match(evidence.Quote);
            if (match.Success && !claimed.Any(c => match.Index < c.End && c.Start < match.Index + match.Length))
            {
                claimed.Add((match.Index, match.Index + match.Length));
                hints.Add(new Hint(
                    code,
                    SubjectWord,
                    new Evidence(evidence.Page, evidence.Start + match.Index, match.Length, match.Value),
                    $"'{match.Value}' in the Perihal"));
            }
        }

        return hints;
    }

    private IEnumerable<Hint> BodyHints(IReadOnlyList<LetterPage> pages, Evidence? perihal, bool hasEvent)
    {
        // A phrase that states the purpose ("mengharap kehadiran Saudara") next to the details
        // of the event it is about is what the letter is for, not a passing mention: it counts
        // as much as a word in the Perihal (which scans often lose, or which says only "Undangan").
        var confidence = hasEvent ? BodyWordWithEvent : BodyWord;
        foreach (var (code, regex) in _bodies)
        {
            var found = pages
                .SelectMany(page => regex.Matches(page.Text).Select(match => (page, match)))
                .FirstOrDefault(m => perihal is null || m.page.Number != perihal.Page
                    || m.match.Index >= perihal.Start + perihal.Length || m.match.Index + m.match.Length <= perihal.Start);
            if (found.match is { } match)
            {
                yield return new Hint(
                    code, confidence, found.page.Evidence(match.Index, match.Index + match.Length), $"'{match.Value}' in the body", FromBody: true);
            }
        }
    }

    private FieldReading Fallback(bool hasLetterhead)
    {
        var code = hasLetterhead ? _taxonomy.LetterTypeWithLetterhead : _taxonomy.LetterTypeWithoutLetterhead;
        if (code is null)
        {
            return FieldReading.Missing;
        }

        return new FieldReading(
            new ProposedField(code, hasLetterhead ? FallbackWithLetterhead : FallbackWithoutLetterhead, null),
            hasLetterhead
                ? $"nothing names the type; '{code}' is guessed because the letter has a letterhead"
                : $"nothing names the type; '{code}' is guessed because the letter has no letterhead");
    }

    private static (string Code, Regex Regex)[] Longest(
        Taxonomy taxonomy, Func<LetterTypeEntry, IReadOnlyList<string>> keywords, Func<string, Regex> compile) =>
    [
        .. taxonomy.LetterTypes
            .SelectMany(t => keywords(t).Select(k => (t.Code, Keyword: k)))
            .OrderByDescending(k => k.Keyword.Length)
            .Select(k => (k.Code, compile(k.Keyword))),
    ];

    private static Regex? Prefix(IReadOnlyList<string> prefixes) =>
        prefixes.Count == 0 ? null : new Regex($@"^(?:{Alternation(prefixes)})(?=[\-./\s])", Options);

    private static Regex? Suffix(IReadOnlyList<string> suffixes) =>
        suffixes.Count == 0 ? null : new Regex($@"-(?:{Alternation(suffixes)})(?=/|\s|$)", Options);

    private static string Alternation(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string TitleSource = "the title";

    private readonly record struct Hint(string Code, double Confidence, Evidence? Evidence, string Source, bool FromBody = false);
}
