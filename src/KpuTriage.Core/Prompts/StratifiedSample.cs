namespace KpuTriage.Core.Prompts;

/// <summary>
/// A sample that keeps the mix of letter types: each type gets seats in proportion to its
/// share (largest remainders), at least one when there are at least as many seats as types,
/// and never more than it has. The same items, size and seed always draw the same sample.
/// </summary>
public static class StratifiedSample
{
    /// <param name="available">Items per stratum.</param>
    /// <returns>Seats per stratum, summing to <paramref name="size"/> or to everything when fewer are available.</returns>
    public static IReadOnlyDictionary<string, int> Allocate(IReadOnlyDictionary<string, int> available, int size)
    {
        var total = available.Values.Sum();
        if (size >= total)
        {
            return available.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        }

        var exact = available.ToDictionary(a => a.Key, a => (double)size * a.Value / total, StringComparer.Ordinal);
        var everyType = size >= available.Count(a => a.Value > 0);
        var seats = exact.ToDictionary(e => e.Key, e => Math.Min(available[e.Key], Math.Max(everyType && available[e.Key] > 0 ? 1 : 0, (int)Math.Floor(e.Value))), StringComparer.Ordinal);

        // The floor of one can overshoot: give back from the most over-served stratum that keeps one.
        while (seats.Values.Sum() > size)
        {
            var over = seats.Where(s => s.Value > 1).OrderByDescending(s => s.Value - exact[s.Key]).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
            seats[over]--;
        }

        while (seats.Values.Sum() < size)
        {
            var under = seats.Where(s => s.Value < available[s.Key])
                .OrderByDescending(s => exact[s.Key] - s.Value).ThenByDescending(s => available[s.Key]).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
            seats[under]++;
        }

        return seats;
    }

    /// <param name="items">In a stable order (the draw shuffles them with the seed, so the order must not vary between calls).</param>
    public static IReadOnlyList<T> Draw<T>(IReadOnlyList<T> items, Func<T, string> stratum, int size, int seed)
    {
        var strata = items.GroupBy(stratum, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var seats = Allocate(strata.ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), size);
        var random = new Random(seed);
        var drawn = new List<T>();
        foreach (var group in strata)
        {
            var members = group.ToArray();
            random.Shuffle(members);
            drawn.AddRange(members.Take(seats[group.Key]));
        }

        return drawn;
    }
}
