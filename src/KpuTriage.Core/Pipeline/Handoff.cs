using KpuTriage.Core.Documents;
using MassTransit;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// The second half of every stage: publish the event for a status already persisted with
/// <see cref="Document.PublishPending"/> set, then have the flag cleared (in batches, by
/// <see cref="PublishedMarks"/>). If the broker is away the flag stays and the
/// <see cref="StageRedriver"/> publishes later; the caller carries on, because the document is
/// safe in the database.
/// </summary>
/// <remarks>
/// The stage events are published mandatory: RabbitMQ silently drops an event no queue is bound
/// to yet (no worker running that stage has ever started), and a returned one stays pending.
/// <see cref="DocumentCommitted"/> is not: it is for integrations, and an office that has none
/// yet has no one to tell. Mandatory, RabbitMQ returned every one, the document stayed
/// "announcement pending" forever and the redriver retried it every pass. Without a listener
/// it is delivered to nobody, as the ledger checkpoints are (fanout, like any pub/sub event: a
/// queue bound later receives the commits from then on; the register keeps every one). An
/// alternate exchange would need the exchange redeclared with other arguments, which fails on
/// every office whose broker already holds it.
/// </remarks>
public sealed class Handoff(IPublishEndpoint publisher, IOptions<PipelineOptions> options, PublishFailureLog failures, PublishedMarks marks)
{
    private static readonly IPipe<PublishContext> Mandatory = Pipe.Execute<PublishContext>(context =>
    {
        if (context.TryGetPayload<RabbitMqSendContext>(out var rabbit))
        {
            rabbit.Mandatory = true;
        }
    });

    /// <returns>False when the broker did not take the event (away, or no queue bound); it stays pending.</returns>
    public async Task<bool> PublishAsync<T>(Document document, T message, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            // By runtime type: the redriver passes events typed as object.
            await publisher.Publish(message, message.GetType(), message is DocumentCommitted ? Pipe.Empty<PublishContext>() : Mandatory, timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failures.Failed(message.GetType().Name, document.Id, e);
            return false;
        }

        failures.Published(message.GetType().Name);
        marks.Published(document.Id, document.Version);
        return true;
    }
}
