namespace KpuTriage.Core.Review;

/// <summary>
/// A clerk's decision on an inbox item. Action is "approve" (as proposed),
/// "approve_with_corrections" (the given fields replace the proposal's), "reject" (not a
/// letter) or "send_back" (ask the engine for a new proposal). An approval may carry the
/// disposition; on an item awaiting co-approval, "approve" co-approves the first approval.
/// <see cref="Version"/> is the item's version the decider looked at (the review API's
/// <c>version</c>): when given, a decision on an item that changed since is refused, so a
/// co-approval never signs a first approval its supervisor did not see.
/// </summary>
public sealed record DecisionRequest(
    string Action, IReadOnlyDictionary<string, string?>? Corrections = null, string? Reason = null, Disposition? Disposition = null, int? Version = null)
{
    public const string Approve = "approve";
    public const string ApproveWithCorrections = "approve_with_corrections";
    public const string Reject = "reject";
    public const string SendBack = "send_back";

    public bool IsApproval => Action is Approve or ApproveWithCorrections;
}
