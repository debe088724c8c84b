namespace KpuTriage.Core.Prompts;

/// <summary>A draft's replay scores beside the active version's, on the same letters: what the promotion gate judges.</summary>
public sealed record PromotionEvidence(ReplayScores Draft, ReplayScores Active);
