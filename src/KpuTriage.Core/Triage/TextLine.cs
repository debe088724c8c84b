namespace KpuTriage.Core.Triage;

/// <summary>A line of a page: its index, the offset of its first character in the page text, and its text (no line break).</summary>
internal readonly record struct TextLine(int Index, int Start, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    /// <summary>Page offsets of the line without leading and trailing whitespace.</summary>
    public (int Start, int End) Trimmed()
    {
        var first = Text.Length - Text.TrimStart().Length;
        var last = Text.TrimEnd().Length;
        return (Start + first, Start + Math.Max(first, last));
    }
}
