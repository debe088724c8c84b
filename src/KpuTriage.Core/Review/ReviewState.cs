namespace KpuTriage.Core.Review;

public enum ReviewState
{
    Open,
    Committed,
    Rejected,

    /// <summary>Four eyes: approved once, waiting for a supervisor other than the first approver.</summary>
    AwaitingCoApproval,

    /// <summary>Sent back for a new proposal; the review stage reopens it when the proposal arrives.</summary>
    SentBack,
}
