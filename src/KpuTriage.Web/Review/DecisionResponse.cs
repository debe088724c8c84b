using KpuTriage.Core.Review;

namespace KpuTriage.Web.Review;

/// <summary>
/// What became of a decision: committed (with its agenda number), rejected, sent back, or
/// awaiting a supervisor's co-approval — then with why: <c>security-needs-four-eyes</c> or
/// <c>security-lowered</c>.
/// </summary>
public sealed record DecisionResponse(string Status, string? AgendaNumber, string? CoApprovalReason = null)
{
    public static string WireName(CoApprovalReason reason) => reason switch
    {
        Core.Review.CoApprovalReason.SecurityLowered => "security-lowered",
        _ => "security-needs-four-eyes",
    };
}
