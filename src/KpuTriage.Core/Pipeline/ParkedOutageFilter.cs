using KpuTriage.Core.Llm;
using MassTransit;
using MassTransit.Middleware;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// The propose stage's error pipe. A message whose consumer failed because the language-model
/// provider is down has already parked its document for the redriver (see
/// <see cref="Triage.ProposeConsumer"/>), so the message is acknowledged and dropped instead of
/// moved to the error queue (the fault MassTransit publishes is ignored by
/// <see cref="StageFaultConsumer"/>). Unlike a requeue, this does not count against the quorum
/// queue's delivery limit, so an outage of any length cannot dead-letter a letter. Every other
/// failure takes MassTransit's usual way to the error queue.
/// </summary>
public sealed class ParkedOutageFilter : IFilter<ExceptionReceiveContext>
{
    /// <summary>The whole error pipe: this filter, then MassTransit's default ones.</summary>
    public static void Configure(IPipeConfigurator<ExceptionReceiveContext> error)
    {
        error.UseFilter(new ParkedOutageFilter());
        error.UseFilter(new GenerateFaultFilter());
        error.UseFilter(new ErrorTransportFilter());
    }

    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next) =>
        IsOutage(context.Exception) ? Task.CompletedTask : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("parked-outage");

    public static bool IsOutage(Exception? exception) => exception switch
    {
        null => false,
        ProviderUnavailableException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsOutage),
        _ => IsOutage(exception.InnerException),
    };
}
