namespace KpuTriage.Core.Prompts;

/// <summary>What a replay of one prompt version scored per field.</summary>
public sealed record ReplayScores(int Version, IReadOnlyList<FieldTally> Fields);
