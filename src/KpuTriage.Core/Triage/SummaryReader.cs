using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// An extractive summary: at most three sentences of the letter's own body, in the letter's
/// order. The purpose sentence leads the choice: one that invites, asks, tells, reports or
/// decides (mengundang, mohon, menyampaikan, menetapkan, memberitahukan…) scores above any
/// other, and a sentence that only cites the legal basis ("Berdasarkan Undang-Undang …")
/// scores least; among the rest, sentences carrying the letter's content words and the
/// first body sentence win. The kop, header lines (even with OCR's broken colons), the
/// addressee and a list of addressees, salutations and the closing formula are left out.
/// Sentences end at a full stop, not at an abbreviation ("No.", "Kab.", "s.d.", "a.n.") or
/// a list number, at a year, and at a colon ending a line (the list after it is no part of
/// the sentence); a numbered item starts a sentence of its own, without its number. Nothing
/// is paraphrased, so every sentence is evidence a clerk can find in the text.
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

    // Above the topic score (at most 1) and the first sentence's bonus together: the purpose wins.
    private const double PurposeBonus = 1.6;

    // A sentence citing regulations says why, not what: it is chosen only when nothing else is there.
    private const double LegalBasisShare = 0.3;

    // A list number is one or two digits ("2."); a longer number before a full stop is a year ending a sentence.
    private const int MaxListNumberDigits = 2;

    // "s.d.", "a.n.", "M.Si.": a word with inner dots whose parts are this short is an abbreviation.
    private const int MaxAbbreviationPart = 3;

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
        "sd", "cq", "prop", "ta", "dsb", "dkk", "jo", "pkl", "ds", "telp", "plt", "plh", "an", "ub", "up", "yb", "ybs", "mt", "kom", "pd",
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
        var scored = sentences
            .Select((s, index) => (Sentence: s, Index: index, Score: Score(s, index, frequency), Basis: IsLegalBasis(s.Text)))
            .Where(s => s.Score > 0)
            .ToList();

        // Regulations cited are the summary only of a letter that says nothing else.
        if (scored.Any(s => !s.Basis))
        {
            scored.RemoveAll(s => s.Basis);
        }

        var chosen = scored
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
        var purpose = Purpose().IsMatch(sentence.Text);
        var score = topic + (index == 0 ? FirstSentenceBonus : 0) + (purpose ? PurposeBonus : 0);
        if (Request().IsMatch(sentence.Text))
        {
            score += RequestBonus;
        }

        if (IsLegalBasis(sentence.Text))
        {
            score = topic * LegalBasisShare;
        }

        // The closing formula says nothing the letter asks; the kop's address, run into the body
        // by OCR, says who wrote it, which the sender field already does.
        if (Closing().IsMatch(sentence.Text) || Letterhead().IsMatch(sentence.Text))
        {
            return 0;
        }

        return score;
    }

    private static bool IsLegalBasis(string text) => !Purpose().IsMatch(text) && LegalBasis().IsMatch(text);

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

            // A keputusan's "Menimbang : a. bahwa …" is a label line whose value is what the decision is about.
            var considering = Considering().Match(line.Text);
            if (considering.Success)
            {
                if (start is { } open)
                {
                    yield return (open, end);
                }

                start = line.Start + considering.Length;
                end = line.Trimmed().End;
                continue;
            }

            // Label lines, the kop (capitals) and the addressee block are not prose.
            if (line.IsBlank || LabelLine().IsMatch(line.Text) || Ending().IsMatch(line.Text)
                || LineShape.IsUpperCase(line.Text) || AddressBlock().IsMatch(line.Text) || IsHeaderLine(line.Text) || AddresseeItem().IsMatch(line.Text))
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

    /// <summary>
    /// A header line OCR left without its colon, so <see cref="LabelLine"/> misses it: "Nomor . 005/12",
    /// "Perihal > Undangan", "Sifat Segera", "Lampiran 1 berkas", "Jepara, 4 November 2019".
    /// "Hal" and "Nomor" need a separator: a sentence may start "Hal tersebut …".
    /// </summary>
    private static bool IsHeaderLine(string text) =>
        HeaderPatterns.NumberLabel().Match(text) is { Success: true } number && number.Groups["sep"].Success
        || HeaderPatterns.PerihalLabel().Match(text) is { Success: true } hal && (hal.Groups["sep"].Success || HeaderGlyph().IsMatch(text[hal.Length..]))
        || HeaderPatterns.SifatLabel().IsMatch(text)
        || HeaderPatterns.LampiranLabel().IsMatch(text)
        || HeaderPatterns.PlaceDate().Match(text) is { Success: true, Index: < 2 };

    private static IEnumerable<Sentence> Split(LetterPage page, int start, int end)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = page.Text[i];

            // A numbered item at the start of a line begins a sentence of its own.
            if (i > sentenceStart && page.Text[i - 1] == '\n' && ListMarker().Match(page.Text, i, end - i).Success)
            {
                if (Make(page, sentenceStart, i) is { } before)
                {
                    yield return before;
                }

                sentenceStart = i;
                continue;
            }

            var lineEndingColon = c == ':' && (i + 1 >= end || page.Text[i + 1] is '\n' or '\r');
            if (!lineEndingColon
                && (c is not ('.' or '!' or '?') || (i + 1 < end && !char.IsWhiteSpace(page.Text[i + 1])) || IsAbbreviation(page.Text, sentenceStart, i)))
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
        return word.Length == 0
            || Abbreviations.Contains(word)
            || (word.Length == 1 && char.IsLetter(word[0]))
            || (word.Length <= MaxListNumberDigits && word.All(char.IsDigit))
            || (word.Contains('.', StringComparison.Ordinal) && word.Split('.').All(part => part.Length is > 0 and <= MaxAbbreviationPart && part.All(char.IsLetter)));
    }

    private static Sentence? Make(LetterPage page, int start, int end)
    {
        // "Dengan hormat," often shares its line with the first sentence: skip it, keep the sentence.
        var salutation = Salutation().Match(page.Text, start, end - start);
        if (salutation.Success)
        {
            start = salutation.Index + salutation.Length;
        }

        // The item's number is the list's, not the sentence's: "2. SP2020 bertujuan …".
        var marker = ListMarker().Match(page.Text, start, end - start);
        if (marker.Success)
        {
            start = marker.Index + marker.Length;
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

    [GeneratedRegex(@"^Demikian|berdasarkan\s+pertimbangan\s+sebagaimana|atas\s+perhatian|terima\s*kasih|kerja\s*sama(?:nya)?\s+(?:yang\s+baik\s+)?(?:kami|diucapkan)", RegexOptions.IgnoreCase)]
    private static partial Regex Closing();

    [GeneratedRegex(@"\b(?:paling\s+lambat|batas\s+waktu|segera|agar)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Request();

    // What the letter does: invites, asks, tells, reports, assigns or decides.
    [GeneratedRegex(@"\b(?:mohon|memohon|dimohon(?:kan)?|meminta|diminta|mengundang|diundang|mengharap(?:kan)?\s+(?:dengan\s+hormat\s+)?(?:atas\s+)?kehadiran\w*|diharap(?:kan)?|menugaskan|ditugaskan|memberitahukan|diberitahukan|kami\s+sampaikan|menyampaikan|disampaikan|mengajukan|melaporkan|kami\s+laporkan|menetapkan|ditetapkan|menghimbau|mengimbau|dihimbau|diimbau|menginformasikan|diinformasikan|mengumumkan|diumumkan|memberikan\s+izin|mengizinkan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Purpose();

    // Why the letter is sent, not what it says: "Berdasarkan Undang-Undang …", "Menimbang …".
    // An item of a keputusan's "Mengingat" list starts with the regulation it cites.
    [GeneratedRegex(@"^\W*(?:Berdasarkan|Mengingat|Menimbang|Memperhatikan|Merujuk|Menunjuk|Dasar)\b|^\W*(?:Undang|Peraturan|Keputusan|Instruksi|Surat\s+Edaran)\b[^.]{0,100}?\bNomor\b", RegexOptions.IgnoreCase)]
    private static partial Regex LegalBasis();

    // "1. ", "2) ", "a. ", "1.3. " at the start of an item.
    [GeneratedRegex(@"\G[\s\W-[(]]*(?:\d{1,2}(?:\.\d{1,2})*|[a-z])\s*[.)](?=\s|\p{Lu})\s*")]
    private static partial Regex ListMarker();

    // "4. Kepala Disparbud Kab. Jepara", "| Camat Kembang:": an item of a list of addressees
    // (OCR may lose its number), not prose; a line of prose runs longer or ends a sentence.
    [GeneratedRegex(@"^\W*(?:\d{1,2}\s*[.,)]\s*)?(?:Yth\.?\s*)?(?:Kepala|Ketua|Sekretaris|Direktur|Camat|Lurah|Bupati|Walikota|Wali\s+Kota|Kabag|Kasubag|Inspektur|Para)\b[^:;\n]{0,50}(?<!\.)[:;,]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AddresseeItem();

    [GeneratedRegex(@"^\s*Menimbang\s*[:;]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Considering();

    // OCR's colon after "Perihal": "Perihal > Undangan", "Perihal = Undangan".
    [GeneratedRegex(@"^\s*[>=~»]")]
    private static partial Regex HeaderGlyph();

    // The kop's contact line: "Telepon (0291) 591103 Fax 594173", "Kode Pos 59411", an area code "(0291 )".
    [GeneratedRegex(@"\b(?:Telp|Telepon|Fax|Faks|Faksimile|Kode\s+Pos)\b|\(0\d{2,4}\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Letterhead();
}
