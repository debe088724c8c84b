using KpuTriage.Core.Evaluation;

namespace KpuTriage.Core.Prompts;

/// <summary>What a replay of one prompt version scored per field.</summary>
public sealed record ReplayScores(int Version, IReadOnlyList<FieldTally> Fields)
{
    /// <summary>
    /// The evaluation harness's scorecard as the gate reads it: exact matches, what the register
    /// would hold unedited (a normalised match still costs the clerk a correction).
    /// </summary>
    public static ReplayScores From(int version, Scorecard scores) =>
        new(version, [.. scores.Fields.Values.Select(f => new FieldTally(f.Field, f.Letters, f.Exact))]);
}
