using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// An extractive summary: at most three sentences of the letter's own body, in the letter's
/// order. Sentences are scored by how many of the letter's content words they carry, with a
/// bonus for the first body sentence (where a naskah dinas states its purpose) and for
/// sentences that ask for something or name a deadline; salutations, closing formulas
/// ("Demikian …") and label lines ("Waktu : …") are left out. Nothing is paraphrased, so every
/// sentence is evidence a clerk can find in the text.
/// </summary>
internal static partial class SummaryReader
{
    public const int MaxSentences = 3;

    // A summary is an aid, not a reading: it is not flagged as doubtful on every letter.
    private const double Confidence = ProposedField.LowConfidence;
    private const int MinSentenceLength = 30;
    private const int MaxSentenceLength = 400;
    private const int MinWords = 5;
    private const int MinWordsUnended = 12;
    private const double MinLowerShare = 0.5;
    private const double FirstSentenceBonus = 0.5;
    private const double RequestBonus = 0.3;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "yang", "dan", "di", "ke", "dari", "dengan", "untuk", "pada", "dalam", "ini", "itu", "atas", "kami", "kita",
        "kepada", "sebagai", "tersebut", "oleh", "akan", "agar", "bahwa", "adalah", "atau", "serta", "juga", "para",
        "nomor", "tahun", "tanggal", "bapak", "ibu", "saudara", "sdr", "dapat", "telah", "sudah", "bersama", "hal",
        "sehubungan", "menindaklanjuti", "dimaksud", "sebagaimana", "terhadap", "secara", "maka", "pun", "ada",
        "tidak", "lebih", "lain", "masing", "setiap", "kab", "kabupaten", "the", "of", "and", "to", "a", "in",
    };

    // Words an abbreviation's full stop follows ("Jl.", "No.", "Kab."): not a sentence end.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nomor", "jl", "jln", "kab", "kec", "kel", "prov", "yth", "bpk", "sdr", "sdri", "hj", "h", "dr", "drs", "dra",
        "ir", "prof", "st", "sh", "se", "mh", "mm", "msi", "spd", "skom", "dst", "dll", "tgl", "tsb", "a.n", "u.p", "rt", "rw",
    };

    public static FieldReading Read(IReadOnlyList<LetterPage> pages)
    {
        var sentences = Sentences(pages).ToList();
        if (sentences.Count == 0)
        {
            return FieldReading.Missing;
        }

        var frequency = sentences
            .SelectMany(s => ContentWords(s.Text))
            .GroupBy(w => w, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var chosen = sentences
            .Select((s, index) => (Sentence: s, Index: index, Score: Score(s, index, frequency)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Index)
            .Take(MaxSentences)
            .OrderBy(s => s.Index)
            .Select(s => s.Sentence)
            .ToList();
        if (chosen.Count == 0)
        {
            return FieldReading.Missing;
        }

        var first = chosen[0];
        var value = string.Join(' ', chosen.Select(s => s.Text));
        return new FieldReading(new ProposedField(value, Confidence, first.Page.Evidence(first.Start, first.End)));
    }

    private static double Score(Sentence sentence, int index, Dictionary<string, int> frequency)
    {
        var words = ContentWords(sentence.Text).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        // Mean frequency of the sentence's content words: sentences about the letter's topic win.
        var topic = words.Sum(w => frequency[w]) / (double)words.Count / Math.Max(1, frequency.Values.Max());
        var score = topic + (index == 0 ? FirstSentenceBonus : 0);
        if (Request().IsMatch(sentence.Text))
        {
            score += RequestBonus;
        }

        // The closing formula says nothing the letter asks; the kop's address, run into the body
        // by OCR, says who wrote it, which the sender field already does.
        if (Closing().IsMatch(sentence.Text) || Letterhead().IsMatch(sentence.Text))
        {
            return 0;
        }

        return score;
    }

    private static IEnumerable<string> ContentWords(string text) =>
        Word().Matches(text).Select(m => m.Value).Where(w => w.Length > 2 && !StopWords.Contains(w) && !w.All(char.IsDigit));

    /// <summary>Sentences of the body of the first pages, with their spans on the page.</summary>
    private static IEnumerable<Sentence> Sentences(IReadOnlyList<LetterPage> pages)
    {
        foreach (var page in pages)
        {
            foreach (var paragraph in Paragraphs(page))
            {
                foreach (var sentence in Split(page, paragraph.Start, paragraph.End))
                {
                    yield return sentence;
                }
            }
        }
    }

    /// <summary>Runs of prose lines (blank lines and label lines end a run), as page spans.</summary>
    private static IEnumerable<(int Start, int End)> Paragraphs(LetterPage page)
    {
        // Before the body start the lines are the header; a page with none (a continuation
        // page, a citizen's letter) is read whole and the label lines drop out below.
        var first = page.HeaderLineCount < page.Lines.Count ? page.HeaderLineCount : 0;
        int? start = null;
        var end = 0;
        for (var i = first; i < page.Lines.Count; i++)
        {
            var line = page.Lines[i];
            // Label lines, the kop (capitals) and the addressee block are not prose.
            if (line.IsBlank || LabelLine().IsMatch(line.Text) || Ending().IsMatch(line.Text)
                || LineShape.IsUpperCase(line.Text) || AddressBlock().IsMatch(line.Text))
            {
                if (start is { } s)
                {
                    yield return (s, end);
                    start = null;
                }

                if (Ending().IsMatch(line.Text))
                {
                    yield break;
                }

                continue;
            }

            var (lineStart, lineEnd) = line.Trimmed();
            start ??= lineStart;
            end = lineEnd;
        }

        if (start is { } last)
        {
            yield return (last, end);
        }
    }

    private static IEnumerable<Sentence> Split(LetterPage page, int start, int end)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = page.Text[i];
            if (c is not ('.' or '!' or '?') || (i + 1 < end && !char.IsWhiteSpace(page.Text[i + 1])) || IsAbbreviation(page.Text, sentenceStart, i))
            {
                continue;
            }

            if (Make(page, sentenceStart, i + 1) is { } sentence)
            {
                yield return sentence;
            }

            sentenceStart = i + 1;
        }

        if (Make(page, sentenceStart, end) is { } rest)
        {
            yield return rest;
        }
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot].TrimStart('(');
        return word.Length == 0 || Abbreviations.Contains(word) || (word.Length == 1 && char.IsLetter(word[0])) || word.All(char.IsDigit);
    }

    private static Sentence? Make(LetterPage page, int start, int end)
    {
        // "Dengan hormat," often shares its line with the first sentence: skip it, keep the sentence.
        var salutation = Salutation().Match(page.Text, start, end - start);
        if (salutation.Success)
        {
            start = salutation.Index + salutation.Length;
        }

        while (start < end && char.IsWhiteSpace(page.Text[start]))
        {
            start++;
        }

        var text = LineShape.CollapseSpaces(page.Text[start..end]);
        var words = text.Split(' ').Length;

        // Prose is mostly small letters, and ends a sentence or runs long; a stray address does neither.
        var letters = text.Count(char.IsLetter);
        var prose = letters > 0 && text.Count(char.IsLower) >= MinLowerShare * letters
            && (text[^1] is '.' or '!' or '?' or ':' or ';' || words >= MinWordsUnended);
        return prose && text.Length is >= MinSentenceLength and <= MaxSentenceLength && words >= MinWords
            ? new Sentence(page, start, end, text)
            : null;
    }

    private sealed record Sentence(LetterPage Page, int Start, int End, string Text);

    [GeneratedRegex(@"\p{L}[\p{L}\-]*")]
    private static partial Regex Word();

    // "Hari/Tanggal : Kamis …", "Nama : …": a form line, not prose.
    [GeneratedRegex(@"^\s*(?:\d+[.)]\s*)?[\p{L}/ .]{1,25}\s:\s?|^\s*(?:\d+[.)]\s*)?[\p{L}/ .]{1,25}:\s")]
    private static partial Regex LabelLine();

    // "Yth. Ketua KPU …", "Kepada", "di Purwakarta", "di -": the addressee, not prose.
    [GeneratedRegex(@"^\s*(?:Yth|Kepada|di(?:\s*-\s*|\s+\p{Lu}\S*\s*)$)", RegexOptions.IgnoreCase)]
    private static partial Regex AddressBlock();

    // The signature block and the copies list end the prose.
    [GeneratedRegex(@"^\s*(?:Tembusan|Hormat\s+(?:kami|saya)|a\.n\.|an\.|Wassalam)", RegexOptions.IgnoreCase)]
    private static partial Regex Ending();

    [GeneratedRegex(@"\G\s*(?:Dengan\s+hormat|Assalamu\W*alaikum(?:\s+\p{L}+){0,3})\s*[,.!]?", RegexOptions.IgnoreCase)]
    private static partial Regex Salutation();

    [GeneratedRegex(@"^Demikian|atas\s+perhatian|terima\s*kasih|kerja\s*sama(?:nya)?\s+(?:yang\s+baik\s+)?(?:kami|diucapkan)", RegexOptions.IgnoreCase)]
    private static partial Regex Closing();

    [GeneratedRegex(@"\b(?:mohon|memohon|dimohon|meminta|diminta|mengundang|mengharap|kehadiran|menugaskan|memberitahukan|diberitahukan|paling\s+lambat|batas\s+waktu|segera|agar|kami\s+sampaikan|menyampaikan|mengajukan|melaporkan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    // The kop's contact line: "Telepon (0291) 591103 Fax 594173", "Kode Pos 59411", an area code "(0291 )".
    [GeneratedRegex(@"\b(?:Telp|Telepon|Fax|Faks|Faksimile|Kode\s+Pos)\b|\(0\d{2,4}\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Letterhead();
}
