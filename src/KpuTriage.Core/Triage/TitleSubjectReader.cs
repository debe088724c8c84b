using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// The subject of a naskah dinas that prints no Hal line — a keputusan, surat edaran, berita
/// acara, notula, surat tugas, a citizen's form: its title block. When a "TENTANG" follows
/// the title (after an optional "NOMOR …" line), the subject is what it introduces, as a clerk
/// registers it ("PENYUSUNAN DAN PENGUNDANGAN PRODUK HUKUM …"); otherwise it is the title
/// itself, with its continuation lines ("NOTULA RAPAT PLENO" + "EVALUASI PROGRAM …").
/// </summary>
internal sealed partial class TitleSubjectReader(Taxonomy taxonomy)
{
    private const int TitleWithinLines = 30;
    private const int MaxTitleLines = 3;
    private const int MaxSubjectLines = 4;
    private const int TentangWithinLines = 6;
    private const double AfterTentang = 0.8;
    private const double TitleOnly = 0.7;

    private readonly Regex[] _titles = [.. taxonomy.LetterTypes.SelectMany(t => t.TitleKeywords).Select(PhraseMatcher.LineStart)];

    public FieldReading Read(IReadOnlyList<LetterPage> pages)
    {
        var page = pages.FirstOrDefault(p => !string.IsNullOrWhiteSpace(p.Text));
        if (page is null)
        {
            return FieldReading.Missing;
        }

        var lines = page.Lines.Take(Math.Min(page.HeaderLineCount, TitleWithinLines)).ToList();
        var title = lines.FindIndex(IsTitle);
        if (title < 0)
        {
            return FieldReading.Missing;
        }

        var titleBlock = Block(lines, title, MaxTitleLines, page.IsOcr);
        var next = title + titleBlock.Count;
        for (var i = next; i < lines.Count && i < next + TentangWithinLines; i++)
        {
            var tentang = Tentang().Match(lines[i].Text);
            if (tentang.Success)
            {
                return Subject(page, lines, i, tentang, page.IsOcr);
            }

            if (!lines[i].IsBlank && !NumberLine().IsMatch(lines[i].Text))
            {
                break;
            }
        }

        var (start, _) = titleBlock[0].Trimmed();
        var (_, end) = titleBlock[^1].Trimmed();
        var value = LineShape.CollapseSpaces(string.Join(' ', titleBlock.Select(l => l.Text)));
        return new FieldReading(new ProposedField(value, TitleOnly, page.Evidence(start, end)), "no Hal line: the title is taken as the subject");
    }

    private bool IsTitle(TextLine line) =>
        !line.IsBlank && !line.Text.Contains(':', StringComparison.Ordinal) && LineShape.IsUpperCase(line.Text)
        && _titles.Any(t => t.IsMatch(line.Text));

    /// <summary>The line at <paramref name="first"/> and the upper-case lines that continue it.</summary>
    private static List<TextLine> Block(List<TextLine> lines, int first, int max, bool ocr)
    {
        var block = new List<TextLine> { lines[first] };
        for (var i = first + 1; i < lines.Count && block.Count < max; i++)
        {
            // OCR sets a blank line between the lines of a centred title block.
            if (ocr && lines[i].IsBlank && i + 1 < lines.Count && !lines[i + 1].IsBlank)
            {
                i++;
            }

            var line = lines[i];
            if (line.IsBlank || !LineShape.IsUpperCase(line.Text) || line.Text.Contains(':', StringComparison.Ordinal)
                || NumberLine().IsMatch(line.Text) || Tentang().IsMatch(line.Text))
            {
                break;
            }

            block.Add(line);
        }

        return block;
    }

    private static FieldReading Subject(LetterPage page, List<TextLine> lines, int tentangLine, Match tentang, bool ocr)
    {
        var rest = tentang.Groups["rest"];
        var parts = new List<string>();
        int? start = null;
        var end = 0;
        if (rest.Length > 0)
        {
            start = lines[tentangLine].Start + rest.Index;
            end = lines[tentangLine].Start + rest.Index + rest.Length;
            parts.Add(rest.Value);
        }

        var first = tentangLine + 1;
        while (first < lines.Count && lines[first].IsBlank && parts.Count == 0)
        {
            first++;
        }

        for (var i = first; i < lines.Count && parts.Count < MaxSubjectLines; i++)
        {
            if (ocr && lines[i].IsBlank && parts.Count > 0 && i + 1 < lines.Count && !lines[i + 1].IsBlank)
            {
                i++;
            }

            if (lines[i].IsBlank || !LineShape.IsUpperCase(lines[i].Text) || DecreeOpening().IsMatch(lines[i].Text))
            {
                break;
            }

            var (lineStart, lineEnd) = lines[i].Trimmed();
            start ??= lineStart;
            end = lineEnd;
            parts.Add(lines[i].Text);
        }

        if (start is not { } from || parts.Count == 0)
        {
            return FieldReading.Missing;
        }

        return new FieldReading(new ProposedField(LineShape.CollapseSpaces(string.Join(' ', parts)), AfterTentang, page.Evidence(from, end)));
    }

    // What follows a keputusan's title: its preamble and the official's name ("BUPATI PURWAKARTA,").
    [GeneratedRegex(@"^\s*(?:DENGAN\s+RAHMAT|MENIMBANG|MENGINGAT|MEMUTUSKAN|MENETAPKAN)(?!\p{L})|,\s*$")]
    private static partial Regex DecreeOpening();

    [GeneratedRegex(@"^\s*(?:NOMOR|NOMER|NO\.)(?!\p{L})", RegexOptions.IgnoreCase)]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^\s*TENTANG(?!\p{L})\s*(?<rest>\S.*?)?\s*$")]
    private static partial Regex Tentang();
}
