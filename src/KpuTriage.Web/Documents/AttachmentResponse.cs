using KpuTriage.Core.Documents;

namespace KpuTriage.Web.Documents;

/// <summary>A document made from one attachment of a mail; its own status is at GET /api/v1/documents/{id}.</summary>
public sealed record AttachmentResponse(Guid Id, int Index, string FileName, string Kind, string Status)
{
    public static AttachmentResponse From(AttachedDocument attachment) => new(
        attachment.Id, attachment.Index, attachment.FileName, attachment.Kind.ToString().ToLowerInvariant(), attachment.Status.ToWire());
}
