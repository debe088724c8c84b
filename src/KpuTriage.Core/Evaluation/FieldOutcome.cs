namespace KpuTriage.Core.Evaluation;

/// <summary>How one proposed field compares with its label. Empty strings stand for "none" on both sides.</summary>
public sealed record FieldOutcome(string Expected, string Proposed, bool Exact, bool Normalised);
