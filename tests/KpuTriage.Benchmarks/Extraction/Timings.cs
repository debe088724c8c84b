using System.Diagnostics;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>Summary of per-call timings (Stopwatch ticks), in microseconds.</summary>
internal sealed record Timings(double MeanMicroseconds, double MedianMicroseconds, double P95Microseconds, double MaxMicroseconds, int Count)
{
    public static Timings Of(IReadOnlyCollection<long> ticks)
    {
        var sorted = ticks.Order().Select(t => t * 1_000_000.0 / Stopwatch.Frequency).ToArray();
        // Nearest-rank percentile: the value at least 95 % of calls did not exceed.
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Timings(sorted.Average(), Rank(0.5), Rank(0.95), sorted[^1], sorted.Length);
    }
}
