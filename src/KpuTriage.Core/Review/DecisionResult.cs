namespace KpuTriage.Core.Review;

public enum DecisionResult
{
    Committed,
    Rejected,
    NotFound,
    AlreadyDecided,
    Invalid,
}
