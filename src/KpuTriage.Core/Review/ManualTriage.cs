using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Review;

/// <summary>
/// Puts a document in front of a clerk when the machine cannot carry it further, with the
/// reason. The caller saves; the document and its inbox item change in one transaction.
/// </summary>
public static class ManualTriage
{
    /// <returns>The inbox item, new or reopened (the caller may add the proposal's inbox facts).</returns>
    public static async Task<ReviewItem> RouteAsync(TriageDb db, Document document, string reason, Guid? proposalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        document.MoveTo(DocumentStatus.ManualTriage, now, reason);
        var item = await db.ReviewItems.FindAsync([document.Id], cancellationToken);
        if (item is null)
        {
            item = new ReviewItem
            {
                DocumentId = document.Id,
                ProposalId = proposalId,
                ManualTriageReason = reason,
                CreatedAt = now,
                State = ReviewState.Open,
                Source = document.Source,
                SearchText = document.FileName.ToLowerInvariant(),
            };
            db.ReviewItems.Add(item);
        }
        else if (item.State is ReviewState.Open or ReviewState.SentBack)
        {
            item.ManualTriageReason = reason;
            item.ProposalId = item.State == ReviewState.SentBack ? proposalId : item.ProposalId ?? proposalId;
            item.Reopen();
        }

        return item;
    }

    /// <summary>The states a document is in before it reaches a clerk: the pipeline may still move it out of them.</summary>
    public static IReadOnlyList<DocumentStatus> Unfinished { get; } = [DocumentStatus.Received, DocumentStatus.AwaitingOcr, DocumentStatus.Extracted, DocumentStatus.Proposed];
}
