using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Core.Review;

/// <summary>The review side: turns a stored proposal into an item in the clerks' inbox.</summary>
public sealed class ReviewConsumer(TriageDb db, TimeProvider clock, ILogger<ReviewConsumer> log) : IConsumer<ProposalCreated>
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
        if (proposal.ManualTriageReason is { } reason)
        {
            await ManualTriage.RouteAsync(db, document, reason, proposal.Id, now, ct);
        }
        else
        {
            db.ReviewItems.Add(new ReviewItem { DocumentId = document.Id, ProposalId = proposal.Id, CreatedAt = now, State = ReviewState.Open });
            document.MoveTo(DocumentStatus.InReview, now);
        }

        await db.SaveWinningAsync(ct);
    }
}
