using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Pipeline;

/// <summary>The event that announces a document's current status, rebuilt from the database for a redrive.</summary>
public static class StageEvents
{
    public static async Task<object?> ForAsync(TriageDb db, Document document, CancellationToken ct)
    {
        switch (document.Status)
        {
            case DocumentStatus.Received:
                return new DocumentReceived(document.Id);
            case DocumentStatus.AwaitingOcr:
                return new OcrRequested(document.Id);
            case DocumentStatus.Extracted:
                return new TextExtracted(document.Id);
            case DocumentStatus.Proposed:
                var proposalId = await db.Proposals.Where(p => p.DocumentId == document.Id)
                    .OrderByDescending(p => p.Revision).Select(p => p.Id).FirstAsync(ct);
                return new ProposalCreated(document.Id, proposalId);
            case DocumentStatus.Committed:
                var entry = await db.Register.AsNoTracking().FirstAsync(e => e.DocumentId == document.Id, ct);
                return DecisionService.Announcement(document, entry);
            default:
                return null;
        }
    }
}
