namespace KpuTriage.Core.Triage;

/// <summary>Finds where the value after a label ends on its line.</summary>
internal static class LineValue
{
    /// <returns>The offset within <paramref name="line"/> just past the value's last non-space character.</returns>
    public static int End(string line, int start)
    {
        var end = line.Length;
        var stop = HeaderPatterns.ValueStop().Match(line, start);
        if (stop.Success)
        {
            end = stop.Index;
        }

        // Text extractors put the right-hand column (the date) on the same line as the
        // left-hand label, often with a single space between them.
        var date = HeaderPatterns.DateInValue().Match(line, start);
        if (date.Success && date.Index < end)
        {
            end = date.Index;
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>Moves <paramref name="end"/> back over trailing punctuation that belongs to no value.</summary>
    public static int TrimPunctuation(string line, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(line[end - 1]) || line[end - 1] is ',' or ';' or ':' or '.' or '-'))
        {
            end--;
        }

        return end;
    }
}
