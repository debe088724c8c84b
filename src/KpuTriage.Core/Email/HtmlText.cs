using System.Text;
using MimeKit.Text;

namespace KpuTriage.Core.Email;

/// <summary>
/// The words of an HTML body, for a mail that has no text/plain part. The HTML is only
/// tokenised (MimeKit's tokenizer), never rendered: nothing runs, nothing is fetched, and
/// script, style and title content is dropped. Block elements become line breaks and table
/// cells tabs, so a letter's "Nomor : …" lines survive for the header parser.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<HtmlTagId> Hidden =
        [HtmlTagId.Script, HtmlTagId.Style, HtmlTagId.Title, HtmlTagId.NoScript, HtmlTagId.Xml, HtmlTagId.Object, HtmlTagId.Applet];

    private static readonly HashSet<HtmlTagId> Blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.Table, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.DL,
        HtmlTagId.DT, HtmlTagId.DD, HtmlTagId.BlockQuote, HtmlTagId.HR, HtmlTagId.Pre, HtmlTagId.Address, HtmlTagId.Center,
        HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.Section,
        HtmlTagId.Article, HtmlTagId.Header, HtmlTagId.Footer, HtmlTagId.Main, HtmlTagId.Body,
    ];

    public static string ToPlain(string html)
    {
        var text = new StringBuilder();
        var hidden = 0;
        var pre = 0;
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlTagToken tag)
            {
                var opens = !tag.IsEndTag && !tag.IsEmptyElement;
                if (Hidden.Contains(tag.Id))
                {
                    hidden = Math.Max(0, hidden + (opens ? 1 : tag.IsEndTag ? -1 : 0));
                }
                else if (tag.Id == HtmlTagId.Br)
                {
                    text.Append('\n');
                }
                else if (tag.Id is HtmlTagId.TD or HtmlTagId.TH && !tag.IsEndTag && text.Length > 0 && text[^1] != '\n')
                {
                    text.Append('\t');
                }
                else if (Blocks.Contains(tag.Id))
                {
                    pre = tag.Id == HtmlTagId.Pre ? Math.Max(0, pre + (opens ? 1 : -1)) : pre;
                    StartLine(text);
                }
            }
            else if (token.Kind is HtmlTokenKind.Data or HtmlTokenKind.CData && hidden == 0 && token is HtmlDataToken data)
            {
                AppendData(text, data.Data, keepSpacing: pre > 0);
            }
        }

        return Tidy(text.ToString());
    }

    private static void StartLine(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    // HTML collapses any run of whitespace, line breaks included, to one space (except in <pre>).
    private static void AppendData(StringBuilder text, string data, bool keepSpacing)
    {
        foreach (var c in data)
        {
            if (keepSpacing)
            {
                text.Append(c == '\u00A0' ? ' ' : c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && !char.IsWhiteSpace(text[^1]))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c);
            }
        }
    }

    // Trailing spaces off every line, at most one blank line in a row.
    private static string Tidy(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd(' ', '\t', '\u00A0'));
        var kept = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (kept.Count == 0 || kept[^1].Length == 0))
            {
                continue;
            }

            kept.Add(line.TrimStart(' '));
        }

        return string.Join('\n', kept).Trim('\n');
    }
}
