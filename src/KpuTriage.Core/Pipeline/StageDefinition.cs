using KpuTriage.Core.Intake;
using KpuTriage.Core.Llm;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// Endpoint name, concurrency and retry of one pipeline stage. Queue names are part of the
/// operating contract (dashboards, alerts): kputriage.intake, .extract, .ocr, .propose, .review, .stage-faults. A transient
/// fault (<see cref="TransientFault"/>) is retried for as long as it lasts; any other failure has
/// Pipeline:RetryLimit retries (the language-model engine has its own HTTP resilience), and what still
/// fails becomes a fault, and <see cref="StageFaultConsumer"/> hands the document to a clerk.
/// </summary>
public abstract class StageDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly PipelineOptions options;

    protected StageDefinition(string endpointName, int concurrency, PipelineOptions options)
    {
        EndpointName = endpointName;
        Stage = endpointName.StartsWith("kputriage.", StringComparison.Ordinal) ? endpointName["kputriage.".Length..] : endpointName;
        ConcurrentMessageLimit = concurrency;
        this.options = options;
    }

    /// <summary>The stage's name in the metrics' "stage" label: the queue name without "kputriage.".</summary>
    public string Stage { get; }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Before both retries, so it counts deliveries, not attempts.
        endpointConfigurator.UseFilter(new StageCounting(context.GetRequiredService<StageCounters>(), Stage));

        // Outer layer: a transient fault (database or broker away, a timeout) is retried without
        // limit, its delay growing to RetryMaxInterval. The message keeps its concurrency slot
        // meanwhile, and prefetch is the concurrency, so an outage pauses the stage: nothing new
        // is taken, nothing reaches an error queue or a clerk, and the queue waits in RabbitMQ.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Exponential(int.MaxValue, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval);
            r.Handle<Exception>(TransientFault.Is);
        });

        // Inner layer: anything else may be the message's own fault, so it has RetryLimit tries.
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval);
            r.Ignore<Exception>(TransientFault.Is);
            r.Ignore<IntakeRefusedException>();

            // One retry layer per kind of failure: the HTTP resilience handler has retried the
            // provider already; the propose stage pauses instead (ProposeDefinition).
            r.Ignore<ProviderUnavailableException>();
        });
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            // Prefetched messages age toward RabbitMQ's consumer timeout: keep prefetch near the concurrency.
            rabbit.PrefetchCount = ConcurrentMessageLimit ?? 16;
        }
    }
}
