using KpuTriage.Core.Documents;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Core.Review;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Asks the engine for a proposal on an extracted document and stores it for review. When the
/// language-model provider is down, the document is parked: flagged for the redriver, which
/// publishes it again, while the endpoint pauses (ProposeDefinition). Its status and clock do
/// not move, so a provider away for hours still ends with a clerk after Pipeline:StuckAfter.
/// What is stored is held to the decision's free-text limits (<see cref="BoundedAnswer"/>).
/// </summary>
public sealed class ProposeConsumer(
    TriageDb db, ITriageEngine engine, Handoff handoff, IOptions<ReviewOptions> review, TimeProvider clock, ILogger<ProposeConsumer> log)
    : IConsumer<TextExtracted>
{
    public async Task Consume(ConsumeContext<TextExtracted> context)
    {
        var ct = context.CancellationToken;
        var document = await StageInput.LoadAsync(db, context.Message.DocumentId, DocumentStatus.Extracted, log, ct);
        if (document is null)
        {
            return;
        }

        var text = await db.DocumentTexts.AsNoTracking().FirstAsync(t => t.DocumentId == document.Id, ct);
        EngineProposal answer;
        try
        {
            answer = await engine.ProposeAsync(text.Pages(), ct);
        }
        catch (ProviderUnavailableException e)
        {
            log.LogWarning("Document {DocumentId} waits for the language model: {Reason}", document.Id, e.Message);
            // Not cancellable: the kill switch may be stopping this endpoint right now, and an
            // unsaved park would leave the letter with neither a message nor a hand-off.
            document.AwaitRedrive();
            await db.SaveWinningAsync(CancellationToken.None);
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping in the middle of a call (the kill switch waits for calls in
            // flight, it does not cancel them). MassTransit neither acks nor nacks a cancelled
            // message, so RabbitMQ redelivers it once the channel closes; the in-memory transport
            // loses it with the process. The letter is parked too, so the redriver covers both; a
            // second message for it later is harmless: stages are idempotent.
            document.AwaitRedrive();
            await db.SaveWinningAsync(CancellationToken.None);
            throw;
        }

        var revision = 1 + await db.Proposals.CountAsync(p => p.DocumentId == document.Id, ct);
        var now = clock.GetUtcNow();
        var proposal = Proposal.From(document.Id, revision, BoundedAnswer.Bound(answer, review.Value.Limits()), now);
        db.Proposals.Add(proposal);
        document.MoveTo(DocumentStatus.Proposed, now, publishPending: true);
        if (await db.SaveWinningAsync(ct))
        {
            await handoff.PublishAsync(document, new ProposalCreated(document.Id, proposal.Id), ct);
        }
    }
}
