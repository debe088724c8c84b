using System.Text.RegularExpressions;

namespace KpuTriage.DevSet;

/// <summary>A source line split at its tab gaps, with the column each piece starts at.</summary>
internal sealed partial record SourceLine(IReadOnlyList<(int Column, string Text)> Segments, bool IsRule, bool IsCentered, bool IsBold)
{
    /// <summary>Columns across the text width; letters are written for this width.</summary>
    public const int Width = 90;

    public bool IsBlank => Segments.Count == 0 && !IsRule;

    public string Text => string.Join(' ', Segments.Select(s => s.Text));

    /// <summary>
    /// Parses every line of a page. A line is taken as centred when its margins match within
    /// a column and it sits where centred lines sit: in the letterhead (above its rule),
    /// right under another centred line, or as an upper-case title after a blank line. That
    /// keeps an indented line of prose whose margins happen to match from being centred.
    /// </summary>
    public static List<SourceLine> ParsePage(IReadOnlyList<string> lines)
    {
        var ruleAt = lines.Take(9).ToList().FindIndex(IsRuleText);
        var parsed = new List<SourceLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = Parse(lines[i]);
            var previous = i > 0 ? parsed[i - 1] : null;
            var upper = line.Segments.Count == 1 && line.Segments[0].Text.Any(char.IsLetter) && !line.Segments[0].Text.Any(char.IsLower);
            var placedLikeCentred = i < ruleAt || previous is { IsCentered: true } || (upper && (previous is null || previous.IsBlank || previous.IsRule));
            var centered = line.Segments.Count == 1 && Balanced(lines[i].TrimEnd()) && placedLikeCentred;
            parsed.Add(line with { IsCentered = centered, IsBold = centered && upper });
        }

        return parsed;
    }

    private static bool IsRuleText(string line) => line.Length >= 20 && line.Trim().All(c => c is '=' or '_');

    private static SourceLine Parse(string line)
    {
        if (IsRuleText(line))
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

        return new SourceLine(placed, IsRule: false, IsCentered: false, IsBold: false);
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static bool Balanced(string line) => Indent(line) >= 3 && Math.Abs(Indent(line) - (Width - line.Length)) <= 1;

    [GeneratedRegex(" {2,}")]
    private static partial Regex Gap();
}
