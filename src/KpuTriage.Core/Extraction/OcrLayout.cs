using System.Text;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Rebuilds a page's text from Tesseract's word boxes. Tesseract reads a two-column letter
/// header column by column — Nomor, Sifat, Lampiran, Hal, and only then the date and the
/// Kepada block that stood beside them — which separates each label from the line it shares
/// on paper. Here Tesseract's lines (which it gets right, skew included) are kept whole, and
/// lines that sit side by side on the page (their boxes overlap vertically by half the smaller
/// height and not at all horizontally) are put on one text line, left to right, with a tab
/// between them: the readers stop a value at a tab, so each column stays a region of its own.
/// Lines are ordered top to bottom; a blank line separates Tesseract's paragraphs as its own
/// text output does. Words read with a confidence below <see cref="DoubtfulWord"/> are listed
/// as <see cref="UncertainSpan"/>s of that text.
/// </summary>
internal static class OcrLayout
{
    private const double SameRowOverlap = 0.5;

    /// <summary>
    /// Tesseract's word confidence (0–100) below which a word is uncertain. Printed words on a
    /// fair scan read at 84–96; a sequence number or day written by hand into a printed blank
    /// reads at 0–75 (it is guessed from a font it was not written in), though a neat one can
    /// read higher and is then taken as printed.
    /// </summary>
    public const double DoubtfulWord = 75;

    public static (string Text, IReadOnlyList<UncertainSpan>? Uncertain) Read(IReadOnlyList<OcrWord> words)
    {
        var lines = words
            .GroupBy(w => w.Line)
            .Select(g => new Line([.. g.OrderBy(w => w.Left)], g.Key.Block, g.Key.Paragraph))
            .ToList();
        var rows = new List<List<Line>>();
        foreach (var line in lines.OrderBy(l => l.Top))
        {
            var row = rows.FirstOrDefault(r => r.All(other => SideBySide(other, line)));
            if (row is null)
            {
                rows.Add([line]);
            }
            else
            {
                row.Add(line);
            }
        }

        var text = new StringBuilder();
        var uncertain = new List<UncertainSpan>();
        List<Line>? previous = null;
        foreach (var row in rows.OrderBy(r => r.Min(l => l.Top)))
        {
            var ordered = row.OrderBy(l => l.Left).ToList();
            if (previous is not null)
            {
                var sameParagraph = previous.Count == 1 && ordered.Count == 1
                    && previous[0].Block == ordered[0].Block && previous[0].Paragraph == ordered[0].Paragraph;
                text.Append(sameParagraph ? "\n" : "\n\n");
            }

            for (var i = 0; i < ordered.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(Joint(ordered[i - 1].Text, ordered[i].Text));
                }

                ordered[i].AppendTo(text, uncertain);
            }

            previous = ordered;
        }

        return (text.ToString(), uncertain.Count == 0 ? null : uncertain);
    }

    // A number whose hand-filled part was left blank ("005/      /2020") may come as two lines
    // either side of the blank: they are one value, so a space, not a column break, joins them.
    // A lone dash is an empty value ("Lampiran : -"), not a number's "UND-".
    private static string Joint(string left, string right) =>
        left.EndsWith('/') || right.StartsWith('/') || (left.EndsWith('-') && !left.EndsWith(" -", StringComparison.Ordinal)) ? " " : "\t";

    private static bool SideBySide(Line a, Line b)
    {
        var overlap = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        var height = Math.Min(a.Bottom - a.Top, b.Bottom - b.Top);
        var apart = a.Right <= b.Left || b.Right <= a.Left;
        return apart && height > 0 && overlap >= SameRowOverlap * height;
    }

    private sealed class Line(List<OcrWord> words, string block, string paragraph)
    {
        public void AppendTo(StringBuilder text, List<UncertainSpan> uncertain)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                // −1 is "no confidence" (not a recognised word), not a doubtful one.
                if (words[i].Confidence is >= 0 and < DoubtfulWord)
                {
                    uncertain.Add(new UncertainSpan(text.Length, words[i].Text.Length));
                }

                text.Append(words[i].Text);
            }
        }

        public string Block { get; } = block;

        public string Paragraph { get; } = paragraph;

        public string Text { get; } = string.Join(' ', words.Select(w => w.Text));

        public int Left { get; } = words.Min(w => w.Left);

        public int Right { get; } = words.Max(w => w.Right);

        public int Top { get; } = words.Min(w => w.Top);

        public int Bottom { get; } = words.Max(w => w.Bottom);
    }
}
