using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// A plain AMQP client, as a non-.NET integration would use: no MassTransit, JSON bodies,
/// publisher confirms, persistent messages to the default exchange.
/// </summary>
internal sealed class RawAmqp : IAsyncDisposable
{
    private readonly IConnection connection;
    private IChannel channel;

    private RawAmqp(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    /// <param name="recover">
    /// The client's own reconnection; off for a caller that opens a new connection after a
    /// failure itself (a dead connection left recovering keeps trying for ever).
    /// </param>
    public static async Task<RawAmqp> ConnectAsync(Uri uri, bool recover = true)
    {
        var connection = await new ConnectionFactory { Uri = uri, AutomaticRecoveryEnabled = recover }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RawAmqp(connection, channel);
    }

    public async Task PublishJsonAsync(string queue, object body)
    {
        var properties = new BasicProperties { Persistent = true };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body)));
    }

    /// <summary>Declares a queue bound to a fanout exchange, as an integration listening for events would.</summary>
    public async Task BindQueueAsync(string queue, string exchange)
    {
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, "");
    }

    /// <summary>Takes up to <paramref name="count"/> messages, waiting up to the timeout for them.</summary>
    public async Task<List<JsonElement>> TakeAsync(string queue, int count, TimeSpan timeout)
    {
        var taken = new List<JsonElement>();
        var deadline = DateTime.UtcNow + timeout;
        while (taken.Count < count && DateTime.UtcNow < deadline)
        {
            BasicGetResult? result;
            try
            {
                result = await channel.BasicGetAsync(queue, autoAck: true);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
            {
                // The queue does not exist yet (MassTransit declares error queues on first use);
                // the broker closed the channel, so open another and wait.
                channel.Dispose();
                channel = await connection.CreateChannelAsync();
                result = null;
            }

            if (result is null)
            {
                await Task.Delay(100);
                continue;
            }

            taken.Add(JsonDocument.Parse(result.Body).RootElement.Clone());
        }

        return taken;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
