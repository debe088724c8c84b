using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Writes Word block content (paragraphs, tables) as lines of text, page by page, holding no more
/// of a page or of the document than the <see cref="TextAllowance"/> lets a reader hold: the rest
/// would only be cut, and 60 M characters of Word text cost 0.8 GB before.
/// </summary>
internal sealed class DocxPageWriter(TextAllowance allowance, CancellationToken cancellationToken)
{
    private const char PageBreak = '\f';

    private readonly List<string> _pages = [];
    private readonly StringBuilder _page = new();
    private readonly Dictionary<int, bool> _heldShort = [];
    private long _held;

    /// <summary>The pages (numbered from 1) this writer held less of than they had, each with whether the document's characters ran out there.</summary>
    public IReadOnlyDictionary<int, bool> HeldShort => _heldShort;

    public void WriteBlocks(OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_held >= allowance.DocumentHold)
            {
                _heldShort.TryAdd(_pages.Count + 1, true);
                return;
            }

            switch (element)
            {
                case Paragraph paragraph:
                    WriteParagraph(paragraph);
                    break;
                case Table table:
                    WriteTable(table);
                    break;
                case SectionProperties:
                    break;
                default:
                    // Content controls, custom XML and the like wrap ordinary blocks.
                    WriteBlocks(element);
                    break;
            }
        }
    }

    /// <returns>The pages written so far; always at least one.</returns>
    public List<string> Finish()
    {
        NewPage();
        return [.. _pages];
    }

    private void WriteParagraph(Paragraph paragraph)
    {
        var breakBefore = paragraph.ParagraphProperties?.PageBreakBefore;
        if (breakBefore is not null && (breakBefore.Val?.Value ?? true) && _page.Length > 0)
        {
            NewPage();
        }

        var segments = ParagraphText(paragraph).Split(PageBreak);
        for (var i = 0; i < segments.Length; i++)
        {
            if (i > 0)
            {
                NewPage();
            }

            Hold(segments[i]);
        }

        // A paragraph that only holds a page break would otherwise open the next page
        // with an empty line.
        if (segments.Length == 1 || segments[^1].Length > 0)
        {
            Hold("\n");
        }
    }

    // A table row is written as the lines a reader sees: line k joins the k-th line of
    // every cell with a tab. Letter headers are often borderless tables
    // ("Nomor | : | 1/PP.01.1-SD/… | Purwakarta, 12 Maret 2025"), and the parser needs
    // label and value on one line, with the tab marking the column gap.
    private void WriteTable(Table table)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = row.Elements<TableCell>().Select(CellLines).ToList();
            var height = cells.Count == 0 ? 0 : cells.Max(lines => lines.Length);
            for (var line = 0; line < height; line++)
            {
                var k = line;
                Hold(string.Join('\t', cells.Select(lines => k < lines.Length ? lines[k] : string.Empty)).TrimEnd());
                Hold("\n");
            }
        }
    }

    private string[] CellLines(TableCell cell)
    {
        var inner = new DocxPageWriter(allowance, cancellationToken);
        inner.WriteBlocks(cell);
        if (inner.HeldShort.Count > 0)
        {
            _heldShort.TryAdd(_pages.Count + 1, inner.HeldShort.Values.Any(full => full));
        }

        return string.Join('\n', inner.Finish()).TrimEnd('\n').Split('\n');
    }

    private void Hold(string text)
    {
        var room = (int)Math.Min(allowance.PageHold - _page.Length, allowance.DocumentHold - _held);
        var kept = Math.Min(Math.Max(room, 0), text.Length);
        _page.Append(text, 0, kept);
        _held += kept;
        if (kept < text.Length)
        {
            _heldShort.TryAdd(_pages.Count + 1, _held >= allowance.DocumentHold);
        }
    }

    private void NewPage()
    {
        _pages.Add(_page.ToString().TrimEnd('\n'));
        _page.Clear();
    }

    // A paragraph holds no more than the whole document may: one w:t can carry millions of characters.
    private string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        var cap = (int)Math.Min(int.MaxValue, allowance.DocumentHold);
        AppendRuns(paragraph, text, cap);
        if (text.Length >= cap)
        {
            _heldShort.TryAdd(_pages.Count + 1, true);
        }

        return text.ToString();
    }

    private static void AppendRuns(OpenXmlElement element, StringBuilder text, int cap)
    {
        foreach (var child in element.ChildElements)
        {
            if (text.Length >= cap)
            {
                return;
            }

            switch (child)
            {
                case Text t:
                    text.Append(t.Text, 0, Math.Min(t.Text.Length, cap - text.Length));
                    break;
                case TabChar or PositionalTab:
                    text.Append('\t');
                    break;
                case Break br:
                    text.Append(br.Type?.Value == BreakValues.Page ? PageBreak : '\n');
                    break;
                case CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
                case AlternateContentFallback:
                    // The fallback repeats the preferred choice (e.g. a text box) for old readers.
                    break;
                default:
                    AppendRuns(child, text, cap);
                    break;
            }
        }
    }
}
