using KpuTriage.Core.Prompts;

namespace KpuTriage.Tests.Prompts;

/// <summary>How a replay's decisions are shared out between letter types, and drawn.</summary>
public sealed class StratifiedSampleTests
{
    private static readonly Dictionary<string, int> Office = new(StringComparer.Ordinal)
    {
        ["surat_dinas"] = 10, ["undangan"] = 6, ["surat_edaran"] = 3, ["nota_dinas"] = 1,
    };

    [Theory]
    // 10 seats of 20: 5, 3, 1.5, 0.5 → floors 5, 3, 1, 0 and the one-each rule gives nota dinas its seat.
    [InlineData(10, 5, 3, 1, 1)]
    // 4 seats: one each, the floor of 2 for surat dinas is given back.
    [InlineData(4, 1, 1, 1, 1)]
    // 2 seats for 4 types: no one-each rule; 1.0, 0.6, 0.3, 0.1 → surat dinas, then the largest remainder.
    [InlineData(2, 1, 1, 0, 0)]
    // 13 seats: 6.5, 3.9, 1.95, 0.65 → 6, 3, 1, 1 = 11, then the largest remainders: undangan (0.9), surat edaran (0.95) first.
    [InlineData(13, 6, 4, 2, 1)]
    [InlineData(50, 10, 6, 3, 1)]
    public void Should_share_seats_in_proportion_with_one_per_type_when_the_size_allows(int size, int suratDinas, int undangan, int suratEdaran, int notaDinas)
    {
        var seats = StratifiedSample.Allocate(Office, size);

        Assert.Equal((suratDinas, undangan, suratEdaran, notaDinas), (seats["surat_dinas"], seats["undangan"], seats["surat_edaran"], seats["nota_dinas"]));
        Assert.Equal(Math.Min(size, 20), seats.Values.Sum());
    }

    [Fact]
    public void Should_draw_the_same_items_for_the_same_seed_and_the_allocated_count_per_type()
    {
        var items = Office.SelectMany(t => Enumerable.Range(1, t.Value).Select(i => (Type: t.Key, Id: i))).ToList();

        var first = StratifiedSample.Draw(items, i => i.Type, 10, seed: 42);
        var again = StratifiedSample.Draw(items, i => i.Type, 10, seed: 42);
        var other = StratifiedSample.Draw(items, i => i.Type, 10, seed: 43);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(
            [("nota_dinas", 1), ("surat_dinas", 5), ("surat_edaran", 1), ("undangan", 3)],
            first.GroupBy(i => i.Type).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal));
    }
}
