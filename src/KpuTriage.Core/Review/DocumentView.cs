using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Register;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Review;

/// <summary>
/// Everything known about one document: what the status API and the review page show. For a
/// mail, <paramref name="Attachments"/> are the documents made from its attachments; for an
/// attachment, <see cref="Document.ParentDocumentId"/> points back at its mail.
/// </summary>
public sealed record DocumentView(
    Document Document, ReviewItem? Item, Proposal? Proposal, RegisterEntry? Entry, DocumentText? Text, IReadOnlyList<AttachedDocument> Attachments);
