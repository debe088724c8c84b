using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Messaging;

namespace KpuTriage.Tests.Bounds;

/// <summary>
/// The production shape: an API-only web front and a worker with the stages named before OCR
/// had its own (intake,extract,propose,review), on RabbitMQ quorum queues and PostgreSQL.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ScanQueueSpecsOnRabbitMq : ScanQueueSpecs
{
    internal override async Task<(Desk Desk, IAsyncDisposable Running)> StartAsync(Dictionary<string, string> settings)
    {
        var pipeline = await RabbitMqPipeline.StartAsync(settings, workerCount: 1);
        return (pipeline.Desk, pipeline);
    }
}
