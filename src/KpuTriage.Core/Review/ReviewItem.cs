namespace KpuTriage.Core.Review;

/// <summary>
/// A document waiting for (or given) a clerk's decision. One per document: the document id
/// is the key, which is what makes the review stage idempotent.
/// </summary>
public sealed class ReviewItem
{
    /// <summary>Longest text kept in the inbox's copies of the proposal's header fields.</summary>
    public const int ShortTextLength = 300;

    public Guid DocumentId { get; init; }

    /// <summary>The proposal shown to the clerk; null when the machine could not propose.</summary>
    public Guid? ProposalId { get; set; }

    /// <summary>Why the machine could not propose (unreadable scan, engine failure…); null for normal items.</summary>
    public string? ManualTriageReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public ReviewState State { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? RejectionReason { get; set; }

    // What the inbox orders, filters and shows, copied from the document and the proposal when
    // the item is made (InboxFacts), so the inbox is one indexed query on this table even with
    // a hundred thousand items waiting.

    /// <summary>The letter's deadline, or <see cref="DateOnly.MaxValue"/> when it has none (so it sorts last on every provider).</summary>
    public DateOnly DueOn { get; set; } = DateOnly.MaxValue;

    /// <summary>The urgency's position in the taxonomy's list (biasa 0, segera 1, amat_segera 2): higher comes first.</summary>
    public int UrgencyRank { get; set; }

    public string? Urgency { get; set; }
    public string? Security { get; set; }
    public string? LetterType { get; set; }
    public string? Unit { get; set; }
    public string Source { get; set; } = "";
    public string? LetterNumber { get; set; }
    public string? Sender { get; set; }
    public string? Perihal { get; set; }

    /// <summary>Lower-case file name, number, sender and perihal: what the inbox search looks in.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>Why the item needs a closer look beyond low confidence: parser and model disagree, or the text tries to instruct the machine.</summary>
    public string? Flag { get; set; }

    /// <summary>Who has the item open, until when: others see it held and cannot decide it meanwhile.</summary>
    public string? HeldBy { get; set; }

    public DateTimeOffset? HeldUntil { get; set; }

    /// <summary>Four eyes: who approved first, when, and the decision a supervisor must co-approve (JSON of <see cref="PendingApproval"/>).</summary>
    public string? FirstApprovedBy { get; set; }

    public DateTimeOffset? FirstApprovedAt { get; set; }
    public string? PendingApprovalJson { get; set; }

    /// <summary>Back in the inbox after a new proposal: no holder, no pending first approval.</summary>
    public void Reopen()
    {
        State = ReviewState.Open;
        HeldBy = null;
        HeldUntil = null;
        FirstApprovedBy = null;
        FirstApprovedAt = null;
        PendingApprovalJson = null;
    }
}
