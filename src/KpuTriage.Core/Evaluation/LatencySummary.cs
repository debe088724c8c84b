namespace KpuTriage.Core.Evaluation;

/// <summary>Machine time per document, received to proposed (or to manual triage), as nearest-rank percentiles in seconds.</summary>
public sealed record LatencySummary(int Documents, double? P50Seconds, double? P95Seconds)
{
    public static LatencySummary From(IEnumerable<double> seconds)
    {
        var sorted = seconds.Order().ToList();
        return new LatencySummary(sorted.Count, Percentile(sorted, 0.50), Percentile(sorted, 0.95));
    }

    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
