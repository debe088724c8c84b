namespace KpuTriage.Core.Review;

/// <summary>
/// A clerk's decision on an inbox item. Action is "approve" (as proposed),
/// "approve_with_corrections" (the given fields replace the proposal's) or "reject" (not a letter).
/// </summary>
public sealed record DecisionRequest(string Action, IReadOnlyDictionary<string, string?>? Corrections = null, string? Reason = null)
{
    public const string Approve = "approve";
    public const string ApproveWithCorrections = "approve_with_corrections";
    public const string Reject = "reject";
}
