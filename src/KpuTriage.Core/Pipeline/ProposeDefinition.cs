using KpuTriage.Core.Llm;
using KpuTriage.Core.Triage;
using MassTransit;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// The propose stage: the stage's usual retry for storage faults, and a pause while the
/// language-model provider is down. MassTransit's kill switch stops the receive endpoint as
/// soon as a call fails with <see cref="ProviderUnavailableException"/> (the HTTP resilience
/// layer has retried already, so one such failure means the provider is away) and starts it
/// again after Llm:OutagePause; letters wait in the queue meanwhile. The failed messages' own
/// documents are parked for the redriver by the consumer, and <see cref="ParkedOutageFilter"/>
/// keeps them out of the fault path, so an outage never makes manual-triage work.
/// </summary>
public sealed class ProposeDefinition(IOptions<PipelineOptions> options, LlmOptions llm)
    : StageDefinition<ProposeConsumer>("kputriage.propose", options.Value.ProposeConcurrency, options.Value)
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ProposeConsumer> consumerConfigurator, IRegistrationContext context)
    {
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
        if (!llm.Enabled)
        {
            return;
        }

        endpointConfigurator.UseKillSwitch(k => k
            .SetActivationThreshold(1)
            .SetTripThreshold(1)
            .SetTrackingPeriod(llm.OutagePause)
            .SetRestartTimeout(llm.OutagePause)
            .SetExceptionFilter(f => f.Handle<ProviderUnavailableException>()));
        endpointConfigurator.ConfigureError(ParkedOutageFilter.Configure);
    }
}
