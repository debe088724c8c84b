using KpuTriage.Core.Intake;
using MassTransit;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// Endpoint name, concurrency and retry of one pipeline stage. Retries here cover transient
/// storage faults only (the engine has its own HTTP resilience later); what still fails becomes
/// a fault, and <see cref="StageFaultConsumer"/> hands the document to a clerk.
/// </summary>
public abstract class StageDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected StageDefinition(string endpointName, int concurrency)
    {
        EndpointName = endpointName;
        ConcurrentMessageLimit = concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Intervals(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));
            r.Ignore<IntakeRefusedException>();
        });
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            // Prefetched messages age toward RabbitMQ's consumer timeout: keep prefetch near the concurrency.
            rabbit.PrefetchCount = ConcurrentMessageLimit ?? 16;
        }
    }
}
