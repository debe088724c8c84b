namespace KpuTriage.Web.Dashboard;

/// <summary>
/// A bar chart drawn on the server as inline SVG (Pages/Shared/_BarChart.cshtml): no chart
/// library and no script. Bars without a value (a day with nothing decided, an unknown cost)
/// are left empty, not drawn as zero. <see cref="Max"/> fixes the scale (1 for shares).
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<ChartBar> Bars, double? Max = null)
{
    public const int Height = 120;
    public const int BarWidth = 14;
    public const int Gap = 2;

    public double Scale => Max ?? Math.Max(Bars.Max(b => b.Value) ?? 0, 1e-9);

    public int Width => Math.Max(1, Bars.Count) * (BarWidth + Gap);

    /// <summary>The bar's height in SVG units, at least one so a small non-zero value stays visible.</summary>
    public double BarHeight(ChartBar bar) => bar.Value is > 0 and var v ? Math.Max(1, v / Scale * Height) : 0;
}
