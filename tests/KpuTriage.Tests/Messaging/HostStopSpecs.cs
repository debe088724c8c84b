using System.Diagnostics;
using KpuTriage.Core.Intake;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Messaging;

/// <summary>
/// A host's stop is what a rolling deploy and every test run wait for: it must end within the
/// host's shutdown timeout whatever the broker and the database did meanwhile.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class HostStopSpecs
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_stop_within_the_shutdown_timeout_when_the_broker_restarted_and_letters_wait_for_the_database()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var pipeline = await RabbitMqPipeline.StartAsync(
            new() { ["shutdownTimeoutSeconds"] = ShutdownTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Pipeline:PublishTimeout"] = "00:00:01" },
            workerCount: 1, postgresServer: postgres.ConnectionString);
        for (var i = 0; i < 20; i++)
        {
            await pipeline.Desk.SubmitOkAsync($"surat-{i}.txt", Letters.UndanganBytes(900 + i));
        }

        await Broker.StopAsync();
        await Broker.StartAsync();
        Assert.True(await Eventually.TrueAsync(async () => await pipeline.QueueStatAsync(SubmitDocumentDefinition.QueueName, "consumers") > 0, TimeSpan.FromSeconds(60)),
            "the worker did not consume again after the broker restart");

        // Letters in flight that cannot finish: the database is away, so their consumers wait.
        await using var amqp = await RawAmqp.ConnectAsync(pipeline.RabbitMq);
        await postgres.StopAsync();
        var watch = new Stopwatch();
        bool stopped;
        try
        {
            for (var i = 0; i < 8; i++)
            {
                await amqp.PublishJsonAsync(SubmitDocumentDefinition.QueueName, new
                {
                    fileName = $"saat-padam-{i}.txt",
                    content = Convert.ToBase64String(Letters.UndanganBytes(950 + i)),
                    externalId = $"STOP-{i}",
                });
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            watch.Start();
            var stop = pipeline.StopWorkerAsync();
            stopped = await Task.WhenAny(stop, Task.Delay(ShutdownTimeout * 3)) == stop;
            watch.Stop();
        }
        finally
        {
            await postgres.StartAgainAsync();
        }

        // Within, not at: a stop the host's timeout cuts off leaves the bus half-stopped.
        Assert.True(stopped && watch.Elapsed < ShutdownTimeout,
            $"the worker's stop and dispose took {(stopped ? watch.Elapsed.ToString() : "more than " + ShutdownTimeout * 3)}; its shutdown timeout is {ShutdownTimeout}");
        // Cut short, the letters stay in their queue for the next worker: none is refused.
        Assert.Empty(await amqp.TakeAsync(SubmitDocumentDefinition.QueueName + "_error", 1, TimeSpan.FromMilliseconds(300)));
    }
}
