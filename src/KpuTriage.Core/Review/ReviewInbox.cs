using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Register;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Review;

/// <summary>The clerks' view of open items: oldest first, so nothing waits forgotten at the bottom.</summary>
public sealed class ReviewInbox(TriageDb db)
{
    public async Task<IReadOnlyList<InboxEntry>> OpenAsync(int skip, int take, CancellationToken ct)
    {
        var rows = await (
            from item in db.ReviewItems.AsNoTracking()
            where item.State == ReviewState.Open
            join document in db.Documents.AsNoTracking() on item.DocumentId equals document.Id
            join proposal in db.Proposals.AsNoTracking() on item.ProposalId equals proposal.Id into proposals
            from proposal in proposals.DefaultIfEmpty()
            orderby item.CreatedAt, item.DocumentId
            select new { item, document, proposal })
            .Skip(skip).Take(take).ToListAsync(ct);
        return rows.Select(r => new InboxEntry(r.item, r.document, r.proposal)).ToList();
    }

    public Task<int> CountOpenAsync(CancellationToken ct) => db.ReviewItems.CountAsync(i => i.State == ReviewState.Open, ct);

    public async Task<DocumentView?> FindAsync(Guid documentId, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return null;
        }

        var item = await db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(i => i.DocumentId == documentId, ct);
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.DocumentId == documentId)
            .OrderByDescending(p => p.Revision).FirstOrDefaultAsync(ct);
        var entry = await db.Register.AsNoTracking().FirstOrDefaultAsync(e => e.DocumentId == documentId, ct);
        var text = await db.DocumentTexts.AsNoTracking().FirstOrDefaultAsync(t => t.DocumentId == documentId, ct);
        var attachments = await db.Documents.AsNoTracking().Where(d => d.ParentDocumentId == documentId).OrderBy(d => d.AttachmentIndex)
            .Select(d => new AttachedDocument(d.Id, d.AttachmentIndex ?? 0, d.FileName, d.Kind, d.Status)).ToListAsync(ct);
        return new DocumentView(document, item, proposal, entry, text, attachments);
    }
}
