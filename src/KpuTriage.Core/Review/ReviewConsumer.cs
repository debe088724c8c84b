using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Core.Triage;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Review;

/// <summary>
/// The review side: turns a stored proposal into an item in the clerks' inbox, or reopens the
/// item a clerk sent back for this new proposal.
/// </summary>
public sealed class ReviewConsumer(TriageDb db, Taxonomy taxonomy, TimeProvider clock, ILogger<ReviewConsumer> log) : IConsumer<ProposalCreated>
{
    public async Task Consume(ConsumeContext<ProposalCreated> context)
    {
        var ct = context.CancellationToken;
        var document = await StageInput.LoadAsync(db, context.Message.DocumentId, DocumentStatus.Proposed, log, ct);
        if (document is null)
        {
            return;
        }

        var proposal = await db.Proposals.AsNoTracking().FirstAsync(p => p.Id == context.Message.ProposalId, ct);
        var now = clock.GetUtcNow();
        ReviewItem item;
        if (proposal.ManualTriageReason is { } reason)
        {
            item = await ManualTriage.RouteAsync(db, document, reason, proposal.Id, now, ct);
        }
        else
        {
            item = await db.ReviewItems.FindAsync([document.Id], ct) ?? db.ReviewItems.Add(new ReviewItem { DocumentId = document.Id, CreatedAt = now }).Entity;
            item.ProposalId = proposal.Id;
            item.ManualTriageReason = null;
            item.Reopen();
            document.MoveTo(DocumentStatus.InReview, now);
        }

        InboxFacts.Apply(item, document, proposal, taxonomy);
        await db.SaveWinningAsync(ct);
    }
}
