using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Benchmarks.Pipeline;

/// <summary>The broker's ceiling on this machine: MassTransit publish → consume of messages the size of a letter, nothing else.</summary>
internal static class RawMassTransitThroughput
{
    public sealed record Ping(string Body);

    private sealed class PingConsumer(Counter counter) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            counter.Add();
            return Task.CompletedTask;
        }
    }

    private sealed class Counter
    {
        private int count;
        public int Count => Volatile.Read(ref count);
        public void Add() => Interlocked.Increment(ref count);
    }

    private static async Task PublishAndWaitAsync(IBus bus, Counter counter, Ping ping, int messages)
    {
        var target = counter.Count + messages;
        await Parallel.ForAsync(0, messages, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, ct) => await bus.Publish(ping, ct));
        while (counter.Count < target)
        {
            await Task.Delay(10);
        }
    }

    public static async Task<double> MeasureAsync(int messages, int size, Uri rabbitMq)
    {
        var counter = new Counter();
        var services = new ServiceCollection().AddSingleton(counter).AddLogging();
        services.AddMassTransit(x =>
        {
            x.AddConsumer<PingConsumer>(c => c.ConcurrentMessageLimit = 32);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbitMq);
                cfg.ReceiveEndpoint("kputriage.bench.raw-" + Guid.NewGuid().ToString("N")[..8], e =>
                {
                    e.AutoDelete = true;
                    e.PrefetchCount = 32;
                    e.ConfigureConsumer<PingConsumer>(context);
                });
            });
        });
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        var body = new string('x', size);
        await PublishAndWaitAsync(bus, counter, new Ping(body), 1000); // warm-up, as for the pipeline
        var clock = Stopwatch.StartNew();
        await PublishAndWaitAsync(bus, counter, new Ping(body), messages);
        var seconds = clock.Elapsed.TotalSeconds;
        await bus.StopAsync();
        return messages / seconds;
    }
}
