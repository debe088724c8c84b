using System.Diagnostics.Metrics;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// What each pipeline stage of this process did, as counters of the meter
/// "KpuTriage.Pipeline" that every host exports at /metrics: letters received by a stage
/// (redelivered ones among them), completed (for the propose stage: proposed) and failed after
/// its retries, and letters decided by a clerk. Counters start at zero with the process;
/// Prometheus' rate() and increase() read them across restarts.
/// </summary>
public sealed class StageCounters : IDisposable
{
    public const string MeterName = "KpuTriage.Pipeline";

    private readonly Meter meter;
    private readonly Counter<long> letters;
    private readonly Counter<long> decided;

    public StageCounters()
    {
        // The scope tells this host's meter from another host's in the same process (tests, benchmarks).
        meter = new Meter(new MeterOptions(MeterName) { Scope = this });
        letters = meter.CreateCounter<long>(
            "kputriage_stage_letters",
            description: "Letters a pipeline stage of this process received, completed (the propose stage: proposed), failed after retries, or was redelivered by the broker");
        decided = meter.CreateCounter<long>(
            "kputriage_letters_decided",
            description: "Letters a clerk's decision committed to the register in this process");
    }

    /// <summary>The outcomes a stage counts, the value of the label "outcome".</summary>
    public static IReadOnlyList<string> Outcomes { get; } = ["received", "redelivered", "completed", "failed"];

    public Meter Meter => meter;

    public void Count(string stage, string outcome) =>
        letters.Add(1, new KeyValuePair<string, object?>("stage", stage), new KeyValuePair<string, object?>("outcome", outcome));

    public void Decided() => decided.Add(1);

    public void Dispose() => meter.Dispose();
}
