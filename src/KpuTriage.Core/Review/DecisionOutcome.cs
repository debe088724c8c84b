using KpuTriage.Core.Refusals;
using KpuTriage.Core.Register;

namespace KpuTriage.Core.Review;

/// <summary>What became of a decision: committed (with its register entry), rejected, waiting for a co-approval (and why), or why it was not taken.</summary>
public sealed record DecisionOutcome(DecisionResult Result, RegisterEntry? Entry = null, Refusal? Refusal = null, CoApprovalReason? Waits = null);
