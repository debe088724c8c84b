namespace KpuTriage.Core.Review;

public enum ReviewState
{
    Open,
    Committed,
    Rejected,
}
