using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// The RabbitMQ side of checkpoints, with the plain client so any office's tooling reads them
/// without MassTransit: a durable fanout exchange (<see cref="LedgerOptions.CheckpointExchange"/>),
/// persistent JSON bodies published with confirms, and a durable queue of the receiving office's
/// choosing bound to it.
/// </summary>
public static class CheckpointExchange
{
    public static async Task PublishAsync(Uri broker, IReadOnlyList<CheckpointMessage> checkpoints, CancellationToken ct)
    {
        await using var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "kputriage-ledger" }.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await channel.ExchangeDeclareAsync(LedgerOptions.CheckpointExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        foreach (var checkpoint in checkpoints)
        {
            var properties = new BasicProperties
            {
                Persistent = true,
                ContentType = "application/json",
                Type = "kputriage.ledger.checkpoint",
                MessageId = $"{checkpoint.Office}/{checkpoint.Sequence}",
            };
            // Returns once the broker confirmed it (publisher confirmation tracking).
            await channel.BasicPublishAsync(LedgerOptions.CheckpointExchange, "", mandatory: false, properties, JsonSerializer.SerializeToUtf8Bytes(checkpoint), ct);
        }
    }

    /// <summary>
    /// Declares <paramref name="queue"/> (durable) bound to the exchange, then hands every
    /// message waiting in it to <paramref name="store"/>; a message is acknowledged only after
    /// it was stored (or refused for good), so a crash in between leaves it queued.
    /// </summary>
    public static async Task<int> DrainAsync(Uri broker, string queue, Func<string, Task> store, CancellationToken ct)
    {
        await using var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "kputriage-ledger-import" }.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.ExchangeDeclareAsync(LedgerOptions.CheckpointExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.QueueBindAsync(queue, LedgerOptions.CheckpointExchange, "", cancellationToken: ct);
        var taken = 0;
        while (await channel.BasicGetAsync(queue, autoAck: false, ct) is { } message)
        {
            await store(Encoding.UTF8.GetString(message.Body.Span));
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            taken++;
        }

        return taken;
    }
}
