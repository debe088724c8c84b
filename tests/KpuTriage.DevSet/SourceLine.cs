using System.Text.RegularExpressions;

namespace KpuTriage.DevSet;

/// <summary>A source line split at its tab gaps, with the column each piece starts at.</summary>
internal sealed partial record SourceLine(IReadOnlyList<(int Column, string Text)> Segments, bool IsRule, bool IsCentered, bool IsBold)
{
    /// <summary>Columns across the text width; letters are written for this width.</summary>
    public const int Width = 90;

    public bool IsBlank => Segments.Count == 0 && !IsRule;

    public string Text => string.Join(' ', Segments.Select(s => s.Text));

    public static SourceLine Parse(string line)
    {
        if (line.Length >= 20 && line.Trim().All(c => c is '=' or '_'))
        {
            return new SourceLine([], IsRule: true, IsCentered: false, IsBold: false);
        }

        var segments = Gap().Split(line.TrimEnd()).Where(text => text.Trim().Length > 0).ToList();
        var placed = new List<(int, string)>();
        var from = 0;
        foreach (var segment in segments)
        {
            var column = line.IndexOf(segment.Trim(), from, StringComparison.Ordinal);
            placed.Add((column, segment.Trim()));
            from = column + segment.Trim().Length;
        }

        if (placed.Count == 0)
        {
            return new SourceLine([], false, false, false);
        }

        var left = placed[0].Item1;
        var right = Width - line.TrimEnd().Length;
        var centered = placed.Count == 1 && left >= 3 && Math.Abs(left - right) <= 4;
        var upper = placed[0].Item2.Any(char.IsLetter) && !placed[0].Item2.Any(char.IsLower);
        return new SourceLine(placed, IsRule: false, IsCentered: centered, IsBold: centered && upper);
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Gap();
}
