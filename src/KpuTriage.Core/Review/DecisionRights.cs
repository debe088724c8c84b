using KpuTriage.Core.Refusals;

namespace KpuTriage.Core.Review;

/// <summary>
/// What one person may do with one waiting inbox item now (<see cref="FourEyesRule.RightsOf"/>):
/// each kind of decision is allowed (null) or refused with the reason the person is shown.
/// </summary>
/// <param name="Approve">Approving: on an item awaiting co-approval, co-approving it.</param>
/// <param name="Correct">Approving with corrections or a disposition of one's own.</param>
/// <param name="Close">Rejecting or sending back.</param>
/// <param name="UnderFourEyes">The item's proposed security needs four eyes, or a first approval awaits its co-approval.</param>
/// <param name="CoApproving">An approval by this person now would co-approve a first approval.</param>
public sealed record DecisionRights(Refusal? Approve, Refusal? Correct, Refusal? Close, bool UnderFourEyes, bool CoApproving);
