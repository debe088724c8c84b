using KpuTriage.Core.Extraction;
using KpuTriage.Core.Intake;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Pipeline;

/// <summary>MassTransit for the pipeline: the chosen transport, the stages this process runs, and the topology names integrations rely on.</summary>
public static class TriageBus
{
    public const string DeadLetter = "kputriage.dead-letter";
    public const string CommittedExchange = "kputriage.document-committed";

    public static IServiceCollection AddTriageBus(this IServiceCollection services, PipelineOptions pipeline, TransportOptions transport)
    {
        // Start returns only when the endpoints are bound, so nothing is published into an
        // exchange before its queue exists.
        services.AddOptions<MassTransitHostOptions>().Configure<IOptions<HostOptions>>((o, host) =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromMinutes(2);

            // Stop within the host's shutdown timeout (HostOptions:ShutdownTimeout, 30 s by
            // default). Without these, MassTransit waits for every consumer in flight, and a
            // consumer retrying a transient fault (the database away) or a delivery whose channel
            // died in a broker restart never finishes: the host's token then abandons the bus
            // half-stopped (consumers cancelled, connections open), and its disposal can wait
            // forever — the 25-minute hang of RabbitMqSpecs in CI. MassTransit does not honour
            // the host's stop token itself: https://github.com/MassTransit/MassTransit/issues/3138
            // (and retries hold a stop: https://github.com/MassTransit/MassTransit/issues/4082).
            // Half the timeout for consumers to finish, then their CancellationToken fires (an
            // unfinished message is not acknowledged, so RabbitMQ gives it to another worker);
            // three quarters for the bus as a whole.
            o.ConsumerStopTimeout = host.Value.ShutdownTimeout / 2;
            o.StopTimeout = host.Value.ShutdownTimeout * 3 / 4;
        });
        services.AddMassTransit(x =>
        {
            // MassTransit 8.5 would post usage telemetry (host, versions, time zone, queue names)
            // to usage-tracking.masstransit.io five minutes after the bus starts: nothing of an
            // election office leaves the building unasked.
            x.DisableUsageTelemetry();
            if (pipeline.Runs("intake"))
            {
                x.AddConsumer<SubmitDocumentConsumer, SubmitDocumentDefinition>();
            }

            if (pipeline.Runs("extract"))
            {
                x.AddConsumer<ExtractTextConsumer, ExtractTextDefinition>();
            }

            if (pipeline.Runs("ocr"))
            {
                x.AddConsumer<OcrConsumer, OcrDefinition>();
            }

            if (pipeline.Runs("propose"))
            {
                x.AddConsumer<ProposeConsumer, ProposeDefinition>();
            }

            if (pipeline.Runs("review"))
            {
                x.AddConsumer<ReviewConsumer, ReviewDefinition>();
                x.AddConsumer<StageFaultConsumer, StageFaultDefinition>();
            }

            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    // Quorum queues survive a node restart with their messages; the delivery limit stops a
                    // message that crashes its consumer from looping forever (RabbitMQ 3.x has no default).
                    rabbit.SetQuorumQueue();
                    rabbit.SetQueueArgument("x-delivery-limit", transport.DeliveryLimit);
                    rabbit.BindDeadLetterQueue(DeadLetter, DeadLetter);
                }
            });

            if (transport.IsRabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(transport.RabbitMqUri!, h => h.PublisherConfirmation = true);
                    NameEvents(cfg);
                    // Declare the committed-event exchange at start, so an integration can bind its
                    // queue before the first commit.
                    cfg.DeployPublishTopology = true;
                    cfg.Publish<DocumentCommitted>(_ => { });
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) =>
                {
                    NameEvents(cfg);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return services;
    }

    private static void NameEvents(IBusFactoryConfigurator cfg)
    {
        cfg.Message<DocumentReceived>(m => m.SetEntityName("kputriage.document-received"));
        cfg.Message<OcrRequested>(m => m.SetEntityName("kputriage.ocr-requested"));
        cfg.Message<TextExtracted>(m => m.SetEntityName("kputriage.text-extracted"));
        cfg.Message<ProposalCreated>(m => m.SetEntityName("kputriage.proposal-created"));
        cfg.Message<DocumentCommitted>(m => m.SetEntityName(CommittedExchange));
    }
}
