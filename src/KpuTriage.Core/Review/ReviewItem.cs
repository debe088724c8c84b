namespace KpuTriage.Core.Review;

/// <summary>
/// A document waiting for (or given) a clerk's decision. One per document: the document id
/// is the key, which is what makes the review stage idempotent.
/// </summary>
public sealed class ReviewItem
{
    public Guid DocumentId { get; init; }

    /// <summary>The proposal shown to the clerk; null when the machine could not propose.</summary>
    public Guid? ProposalId { get; set; }

    /// <summary>Why the machine could not propose (unreadable scan, engine failure…); null for normal items.</summary>
    public string? ManualTriageReason { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public ReviewState State { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectionReason { get; set; }
}
