using KpuTriage.Core.Llm;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Review;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// When a stage still fails after its retries, MassTransit moves the message to the stage's
/// error queue and publishes a fault. This puts the document in front of a clerk with the
/// reason, so a failure is never silent. A language-model outage is the exception: that
/// document was parked for the redriver and waits for the provider, not for a clerk.
/// </summary>
public sealed class StageFaultConsumer(TriageDb db, TimeProvider clock)
    : IConsumer<Fault<DocumentReceived>>, IConsumer<Fault<OcrRequested>>, IConsumer<Fault<TextExtracted>>, IConsumer<Fault<ProposalCreated>>
{
    public Task Consume(ConsumeContext<Fault<DocumentReceived>> context) =>
        RouteAsync(context.Message.Message.DocumentId, "text extraction", context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<OcrRequested>> context) =>
        RouteAsync(context.Message.Message.DocumentId, "OCR", context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<TextExtracted>> context) =>
        RouteAsync(context.Message.Message.DocumentId, "proposal", context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<Fault<ProposalCreated>> context) =>
        RouteAsync(context.Message.Message.DocumentId, "review queue", context.Message, context.CancellationToken);

    private async Task RouteAsync(Guid documentId, string stage, Fault fault, CancellationToken ct)
    {
        if (fault.Exceptions.Any(e => e.ExceptionType == typeof(ProviderUnavailableException).FullName))
        {
            return;
        }

        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null || !ManualTriage.Unfinished.Contains(document.Status))
        {
            return;
        }

        var error = fault.Exceptions.FirstOrDefault();
        var reason = $"{stage} failed after retries: {error?.ExceptionType.Split('.').Last()}: {error?.Message}";
        await ManualTriage.RouteAsync(db, document, reason.Length > 1000 ? reason[..1000] : reason, null, clock.GetUtcNow(), ct);
        await db.SaveWinningAsync(ct);
    }
}
