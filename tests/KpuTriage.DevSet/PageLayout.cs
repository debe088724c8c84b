namespace KpuTriage.DevSet;

/// <summary>
/// Places source lines on an A4 page in Helvetica: a column is 5.5 pt, centred lines are
/// centred, and a piece that would run into the previous one or past the margin is moved,
/// as a tab stop would move it. Long pages get a tighter leading and a smaller type.
/// </summary>
internal static class PageLayout
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    private const double Left = 56;
    private const double Right = PageWidth - 48;
    private const double Top = 54;
    private const double LastBaseline = 806;

    public static LaidOutPage Place(IReadOnlyList<string> source)
    {
        var lines = SourceLine.ParsePage(source);
        var leading = Math.Min(14.6, (LastBaseline - Top) / Math.Max(lines.Count - 1, 1));
        var size = Math.Min(11, Math.Round(leading * 0.78, 1));
        var column = (Right - Left) / SourceLine.Width;
        var runs = new List<PlacedRun>();
        var rules = new List<double>();
        for (var i = 0; i < lines.Count; i++)
        {
            var baseline = Top + (i * leading);
            var line = lines[i];
            if (line.IsRule)
            {
                rules.Add(baseline - (leading * 0.4));
                continue;
            }

            var bold = line.IsBold;
            if (line.IsCentered)
            {
                var text = line.Segments[0].Text;
                var lineSize = Fit(text, size, bold, Right - Left);
                runs.Add(new PlacedRun(i, Left + ((Right - Left - HelveticaMetrics.Width(text, lineSize, bold)) / 2), baseline, text, lineSize, bold));
                continue;
            }

            var previousRight = double.NegativeInfinity;
            foreach (var (col, text) in line.Segments)
            {
                var x = Math.Max(Left + (col * column), previousRight + (size * 0.9));
                var pieceSize = size;
                var width = HelveticaMetrics.Width(text, pieceSize, bold);
                if (x + width > Right)
                {
                    x = Math.Max(Right - width, Math.Max(Left, previousRight + (size * 0.9)));
                    pieceSize = Fit(text, size, bold, Right - x);
                    width = HelveticaMetrics.Width(text, pieceSize, bold);
                }

                runs.Add(new PlacedRun(i, x, baseline, text, pieceSize, bold));
                previousRight = x + width;
            }
        }

        return new LaidOutPage(runs, rules);
    }

    private static double Fit(string text, double size, bool bold, double room)
    {
        var width = HelveticaMetrics.Width(text, size, bold);
        return width <= room ? size : Math.Floor(size * room / width * 10) / 10;
    }
}
