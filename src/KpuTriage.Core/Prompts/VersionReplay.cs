namespace KpuTriage.Core.Prompts;

/// <summary>
/// One version's side of a replay: per-field scores, and what its answers cost. Tokens count
/// answers taken from the cache too (the version's cost, not this run's bill);
/// <see cref="CachedAnswers"/> says how many. Latency is the provider's time per answer as
/// recorded with it (for a cached answer, when it was first given), nearest-rank.
/// </summary>
/// <param name="ModelAnswers">Letters the model answered (restricted or unreadable letters stay with the local engine).</param>
public sealed record VersionReplay(
    ReplayScores Scores, int Letters, int ModelAnswers, int CachedAnswers, long PromptTokens, long CompletionTokens, long? LatencyP50Ms, long? LatencyP95Ms)
{
    public static VersionReplay From(ReplayScores scores, IReadOnlyList<ReplayAnswer> answers)
    {
        var answered = answers.Where(a => a.ModelAnswered).ToList();
        var latencies = answered.Where(a => a.LatencyMs is not null).Select(a => a.LatencyMs!.Value).Order().ToList();
        return new VersionReplay(
            scores, answers.Count, answered.Count, answered.Count(a => a.Cached),
            answered.Sum(a => (long)a.PromptTokens), answered.Sum(a => (long)a.CompletionTokens),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95));
    }

    private static long? Percentile(List<long> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
