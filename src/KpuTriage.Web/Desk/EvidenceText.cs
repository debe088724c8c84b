namespace KpuTriage.Web.Desk;

/// <summary>
/// Splits a page's text into plain runs and runs marked as a field's evidence, for the item
/// view to render each run escaped inside or outside a &lt;mark&gt;. Offsets come from the
/// engine, so they are clipped to the text; an overlapping mark is left out rather than nested.
/// </summary>
public static class EvidenceText
{
    public sealed record Run(string Text, string? Field);

    public static IReadOnlyList<Run> Runs(string text, IEnumerable<(string Field, int Start, int Length)> marks)
    {
        var runs = new List<Run>();
        var position = 0;
        foreach (var (field, start, length) in marks.OrderBy(m => m.Start).ThenByDescending(m => m.Length))
        {
            var from = Math.Clamp(start, 0, text.Length);
            var to = Math.Clamp(start + Math.Max(length, 0), from, text.Length);
            if (from < position || to == from)
            {
                continue;
            }

            if (from > position)
            {
                runs.Add(new Run(text[position..from], null));
            }

            runs.Add(new Run(text[from..to], field));
            position = to;
        }

        if (position < text.Length)
        {
            runs.Add(new Run(text[position..], null));
        }

        return runs;
    }
}
