using System.Text.Json;

namespace KpuTriage.Core.Documents;

/// <summary>
/// One accepted file and its progress. The row is written before any channel acknowledges
/// the file, so it is the durable proof that the office received it.
/// </summary>
public sealed class Document
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Which channel or integration sent it: one of the sending key's sources, a person's name, "folder", an AMQP message's source.</summary>
    public required string Source { get; init; }

    /// <summary>The integration's own id; with <see cref="Source"/> it is the idempotency key.</summary>
    public string? ExternalId { get; init; }

    public required string FileName { get; init; }
    public required DocumentKind Kind { get; init; }
    public string? DeclaredContentType { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content: also its address in the blob store.</summary>
    public required string Sha256 { get; init; }

    public long SizeBytes { get; init; }
    public string? MetadataJson { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The mail this document was attached to; null for a document a channel submitted itself.</summary>
    public Guid? ParentDocumentId { get; init; }

    /// <summary>
    /// Position of the attachment in its mail (from 1, in MIME order, counting the ones not
    /// taken). With <see cref="ParentDocumentId"/> it is unique, which is what keeps a
    /// redelivered or raced mail from making its attachments twice.
    /// </summary>
    public int? AttachmentIndex { get; init; }

    /// <summary>
    /// For a mail: JSON list of the attachments that did not become documents (unsupported
    /// type, empty, too large, nested too deep), so a clerk knows they were there.
    /// </summary>
    public string? SkippedAttachmentsJson { get; set; }

    public DocumentStatus Status { get; set; }

    /// <summary>Why a clerk must triage this by hand, when <see cref="Status"/> is ManualTriage.</summary>
    public string? StatusReason { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// True from the moment a stage persists its new status until the event announcing it
    /// has been published. The redriver republishes documents left with this set (a crash or
    /// a broker outage between the two steps), which is our outbox without an outbox table.
    /// </summary>
    public bool PublishPending { get; set; }

    /// <summary>Optimistic concurrency token: two workers racing on one document cannot both advance it.</summary>
    public int Version { get; set; }

    public IReadOnlyList<SkippedAttachment> SkippedAttachments() =>
        SkippedAttachmentsJson is null ? [] : JsonSerializer.Deserialize<List<SkippedAttachment>>(SkippedAttachmentsJson) ?? [];

    /// <summary>
    /// Hands the document back to the redriver without moving it: its status and clock stay, so
    /// <c>Pipeline:StuckAfter</c> still counts from its last progress. The version moves, so a
    /// redriver that is just clearing an earlier hand-off cannot erase this one.
    /// </summary>
    public void AwaitRedrive()
    {
        PublishPending = true;
        Version++;
    }

    public void MoveTo(DocumentStatus status, DateTimeOffset now, string? reason = null, bool publishPending = false)
    {
        Status = status;
        StatusReason = reason;
        UpdatedAt = now;
        PublishPending = publishPending;
        Version++;
    }
}
