using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// The second half of every stage: publish the event for a status already persisted with
/// <see cref="Document.PublishPending"/> set, then clear the flag. If the broker is away the
/// flag stays and the <see cref="StageRedriver"/> publishes later; the caller carries on,
/// because the document is safe in the database.
/// </summary>
public sealed class Handoff(TriageDb db, IPublishEndpoint publisher, IOptions<PipelineOptions> options, ILogger<Handoff> log)
{
    private static readonly IPipe<PublishContext> Mandatory = Pipe.Execute<PublishContext>(context =>
    {
        if (context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
        {
            rabbit.Mandatory = true;
        }
    });

    public async Task PublishAsync<T>(Document document, T message, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            // By runtime type: the redriver passes events typed as object. Mandatory, because
            // RabbitMQ silently drops an event no queue is bound to yet (no worker has ever
            // started); returned, it stays pending and the redriver tries again.
            await publisher.Publish(message, message.GetType(), Mandatory, timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.LogWarning(e, "Could not publish {Message} for document {DocumentId}; the redriver will publish it again", message.GetType().Name, document.Id);
            return;
        }

        var version = document.Version;
        await db.Documents.Where(d => d.Id == document.Id && d.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.PublishPending, false), cancellationToken);
    }
}
