namespace KpuTriage.Core.Review;

/// <summary>Why an approval waits for a supervisor's co-approval instead of committing.</summary>
public enum CoApprovalReason
{
    /// <summary>The proposed or the approved security class is one Review:FourEyes:Security names.</summary>
    SecurityNeedsFourEyes,

    /// <summary>The approval lowers the security class the machine proposed: taking protection off a letter takes two people.</summary>
    SecurityLowered,
}
