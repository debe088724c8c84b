using KpuTriage.Core.Triage;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Review;

/// <summary>
/// The four-eyes rule in one place. A letter is under four eyes when the security the
/// machine proposed needs it (Review:FourEyes:Security) or a first approval awaits its
/// co-approval; an approval waits for a supervisor other than the first approver when the
/// proposed or the approved security needs it, or when it lowers the proposed security (a
/// class earlier in the taxonomy's security list). Under four eyes only a supervisor may
/// reject or send back, and a co-approval signs the first approval as it stands. The
/// decision service refuses by <see cref="RightsOf"/> and the desk shows its buttons by it.
/// </summary>
public sealed class FourEyesRule(IOptions<ReviewOptions> options, Taxonomy taxonomy)
{
    private FourEyesPolicy Policy => options.Value.FourEyes;

    /// <param name="proposedSecurity">The security of the proposal the item shows (its <see cref="ReviewItem.ProposalId"/>); null when there is none.</param>
    public DecisionRights RightsOf(ReviewItem item, string? proposedSecurity, Decider decider)
    {
        var awaiting = item.State == ReviewState.AwaitingCoApproval;
        var underFourEyes = awaiting || Policy.Requires(proposedSecurity);

        // A supervisor may close a letter on their own, the first approver too: a supervisor
        // could have rejected it before approving, so withdrawing adds no power and spares a
        // detour through another supervisor. A clerk may not: closing hides the letter.
        var close = underFourEyes && !decider.IsSupervisor ? DecisionRefusals.OnlySupervisorMayClose() : null;
        if (!awaiting)
        {
            return new(Approve: null, Correct: null, close, underFourEyes, CoApproving: false);
        }

        var approve = !decider.IsSupervisor ? DecisionRefusals.NeedsSupervisor()
            : decider.Is(item.FirstApprovedBy) ? DecisionRefusals.FirstApproverCannotCoApprove()
            : null;
        return new(approve, DecisionRefusals.CoApprovalTakesNoCorrections(), close, UnderFourEyes: true, CoApproving: true);
    }

    /// <returns>Why an approval from <paramref name="proposedSecurity"/> to <paramref name="finalSecurity"/> waits for a co-approval, or null when it commits at once.</returns>
    public CoApprovalReason? CoApprovalFor(string? proposedSecurity, string? finalSecurity) =>
        Lowers(proposedSecurity, finalSecurity) ? CoApprovalReason.SecurityLowered
        : Policy.Requires(proposedSecurity) || Policy.Requires(finalSecurity) ? CoApprovalReason.SecurityNeedsFourEyes
        : null;

    /// <summary>Whether any approval could lower this proposed security: the desk says so before the clerk chooses.</summary>
    public bool CanLower(string? proposedSecurity) => Rank(proposedSecurity) > 0;

    private bool Lowers(string? proposed, string? final)
    {
        var to = Rank(final);
        return to >= 0 && to < Rank(proposed);
    }

    // The taxonomy lists security classes from the most open to the most restricted.
    private int Rank(string? security) => security is null ? -1 : taxonomy.SecurityCodes.ToList().IndexOf(security);
}
