using KpuTriage.Core.Pipeline;
using MassTransit;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Intake;

/// <summary>
/// The intake queue takes raw JSON from any AMQP client, with or without a content type or
/// MassTransit headers. It carries exactly one consumer: without a message-type header,
/// every consumer on a raw endpoint would receive each message.
/// </summary>
public sealed class SubmitDocumentDefinition(IOptions<PipelineOptions> options) : StageDefinition<SubmitDocumentConsumer>(QueueName, 8, options.Value)
{
    public const string QueueName = "kputriage.intake";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<SubmitDocumentConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.ConfigureConsumeTopology = false;
        // Raw JSON becomes the default for incoming messages only. The endpoint keeps the
        // envelope serializer, so the events this consumer publishes stay readable by the stages.
        endpointConfigurator.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
        base.ConfigureConsumer(endpointConfigurator, consumerConfigurator, context);
    }
}
