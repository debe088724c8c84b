using KpuTriage.Core.Documents;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;

namespace KpuTriage.Web.Documents;

/// <summary>A document's status with its proposal and final record when present (GET /api/v1/documents/{id}).</summary>
public sealed record DocumentResponse(
    Guid Id,
    string Status,
    string? StatusReason,
    string FileName,
    string Kind,
    string Source,
    string? ExternalId,
    DateTimeOffset ReceivedAt,
    ProposalResponse? Proposal,
    RecordResponse? Record)
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
        view.Proposal is { } p ? ProposalResponse.From(p) : null,
        view.Entry is { } e ? RecordResponse.From(e) : null);
}
