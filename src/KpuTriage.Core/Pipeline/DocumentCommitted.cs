namespace KpuTriage.Core.Pipeline;

/// <summary>
/// A clerk's decision committed a document to the register. Integrations bind a queue to
/// the exchange <c>kputriage.document-committed</c> to receive it. Under four eyes,
/// <see cref="DecidedBy"/> approved first and <see cref="CoApprovedBy"/> committed it, at
/// <see cref="CommittedAt"/>; otherwise the co-approver is null and the two times are one.
/// </summary>
public sealed record DocumentCommitted(
    Guid DocumentId,
    string Source,
    string? ExternalId,
    string AgendaNumber,
    string? LetterNumber,
    string? LetterDate,
    string Sender,
    string Perihal,
    string Urgency,
    string Security,
    string LetterType,
    string DecidedBy,
    DateTimeOffset CommittedAt,
    string? Register = null,
    string? Unit = null,
    string? ArchiveCode = null,
    string? CoApprovedBy = null,
    DateTimeOffset? DecidedAt = null);
