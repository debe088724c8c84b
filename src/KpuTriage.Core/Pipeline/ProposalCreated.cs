namespace KpuTriage.Core.Pipeline;

/// <summary>A proposal was stored; the review side turns it into an inbox item.</summary>
public sealed record ProposalCreated(Guid DocumentId, Guid ProposalId);
