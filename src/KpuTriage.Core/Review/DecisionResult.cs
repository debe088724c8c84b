namespace KpuTriage.Core.Review;

public enum DecisionResult
{
    Committed,
    Rejected,
    NotFound,
    AlreadyDecided,
    Invalid,

    /// <summary>Four eyes: the first approval is stored; a supervisor must co-approve.</summary>
    AwaitingCoApproval,

    /// <summary>The document went back to the propose stage for a new proposal.</summary>
    SentBack,

    /// <summary>Someone else holds the item (has it open); they decide, or the hold runs out.</summary>
    Held,

    /// <summary>The four-eyes rule forbids this person the decision (a clerk closing a letter under four eyes, a co-approval by a clerk or the first approver).</summary>
    NotAllowed,

    /// <summary>The item changed since the version the decider saw; nothing was done.</summary>
    Changed,
}
