namespace KpuTriage.Core.Evaluation;

/// <summary>
/// Counts of (expected, proposed) code pairs for one category field. Only codes that occur
/// are listed, so a taxonomy of forty units still gives a table that fits a terminal.
/// </summary>
public sealed record ConfusionTable(IReadOnlyList<string> Labels, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts)
{
    /// <summary>The label for an empty value: the letter has none, or the engine proposed none.</summary>
    public const string None = "(none)";

    public int Count(string expected, string proposed) =>
        Counts.TryGetValue(expected, out var row) && row.TryGetValue(proposed, out var count) ? count : 0;

    public static ConfusionTable From(IEnumerable<FieldOutcome> outcomes)
    {
        var counts = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var labels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            var expected = Label(outcome.Expected);
            var proposed = Label(outcome.Proposed);
            labels.Add(expected);
            labels.Add(proposed);
            if (!counts.TryGetValue(expected, out var row))
            {
                counts[expected] = row = new SortedDictionary<string, int>(StringComparer.Ordinal);
            }

            row[proposed] = row.GetValueOrDefault(proposed) + 1;
        }

        return new ConfusionTable(
            [.. labels.Where(l => l != None), .. labels.Where(l => l == None)],
            counts.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, int>)r.Value, StringComparer.Ordinal));
    }

    private static string Label(string value) => value.Length == 0 ? None : value;
}
