using KpuTriage.Core.Documents;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;

namespace KpuTriage.Web.Documents;

/// <summary>
/// A document's status with its proposal and final record when present (GET /api/v1/documents/{id}).
/// A mail lists the documents made from its attachments and the attachments left out; an
/// attachment names its mail in <see cref="ParentId"/>. <see cref="Text"/> says what was read, once it was.
/// </summary>
public sealed record DocumentResponse(
    Guid Id,
    string Status,
    string? StatusReason,
    string FileName,
    string Kind,
    string Source,
    string? ExternalId,
    DateTimeOffset ReceivedAt,
    Guid? ParentId,
    IReadOnlyList<AttachmentResponse> Attachments,
    IReadOnlyList<SkippedAttachment> SkippedAttachments,
    ProposalResponse? Proposal,
    RecordResponse? Record,
    TextResponse? Text)
{
    public static DocumentResponse From(DocumentView view) => new(
        view.Document.Id,
        view.Document.Status.ToWire(),
        view.Document.StatusReason,
        view.Document.FileName,
        view.Document.Kind.ToString().ToLowerInvariant(),
        view.Document.Source,
        view.Document.ExternalId,
        view.Document.ReceivedAt,
        view.Document.ParentDocumentId,
        view.Attachments.Select(AttachmentResponse.From).ToList(),
        view.Document.SkippedAttachments(),
        view.Proposal is { } p ? ProposalResponse.From(p) : null,
        view.Entry is { } e ? RecordResponse.From(e) : null,
        view.Text is { } t ? TextResponse.From(t) : null);
}
