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
    public static async Task RouteAsync(TriageDb db, Document document, string reason, Guid? proposalId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        document.MoveTo(DocumentStatus.ManualTriage, now, reason);
        var item = await db.ReviewItems.FindAsync([document.Id], cancellationToken);
        if (item is null)
        {
            db.ReviewItems.Add(new ReviewItem
            {
                DocumentId = document.Id,
                ProposalId = proposalId,
                ManualTriageReason = reason,
                CreatedAt = now,
                State = ReviewState.Open,
            });
        }
        else if (item.State == ReviewState.Open)
        {
            item.ManualTriageReason = reason;
            item.ProposalId ??= proposalId;
        }
    }

    /// <summary>The states a document is in before it reaches a clerk: the pipeline may still move it out of them.</summary>
    public static IReadOnlyList<DocumentStatus> Unfinished { get; } = [DocumentStatus.Received, DocumentStatus.Extracted, DocumentStatus.Proposed];
}
