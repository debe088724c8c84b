namespace KpuTriage.Core.Evaluation;

/// <summary>
/// How one proposed field compares with its label. Empty strings stand for "none" on both sides.
/// <paramref name="Loose"/> is set for free-text fields compared by word overlap (<see cref="FieldComparison.LooseThreshold"/>), null for the others.
/// </summary>
public sealed record FieldOutcome(string Expected, string Proposed, bool Exact, bool Normalised, bool? Loose = null);
