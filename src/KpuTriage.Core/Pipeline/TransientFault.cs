using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace KpuTriage.Core.Pipeline;

/// <summary>
/// Tells a failure of the world (the database or the broker away, a timeout) from a failure of
/// the message. The first passes when the service returns, so it must never spend a message's
/// retry budget toward an error queue; the second would fail the same way every time.
/// </summary>
public static class TransientFault
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        NpgsqlException npgsql when npgsql.IsTransient => true,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => true,
        SocketException or TimeoutException => true,
        BrokerUnreachableException or AlreadyClosedException => true,
        MassTransit.ConnectionException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => Is(exception.InnerException),
    };
}
