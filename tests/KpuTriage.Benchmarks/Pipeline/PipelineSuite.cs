using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Benchmarks.Pipeline;

/// <summary>
/// End-to-end pipeline throughput on RabbitMQ + PostgreSQL against raw MassTransit on the
/// same broker. Servers come from the same settings ./test.sh exports; see run.sh.
/// </summary>
internal static class PipelineSuite
{
    public static async Task<int> RunAsync(int documents)
    {
        await using var vhost = await RabbitVhost.CreateAsync();
        var pipeline = await PipelineThroughput.MeasureAsync(documents, vhost);
        var raw = await RawMassTransitThroughput.MeasureAsync(documents * 4, PipelineThroughput.LetterSize, vhost.Uri);
        Console.WriteLine($"pipeline end-to-end (submit → inbox item) over {documents} letters; raw MassTransit publish → consume of {PipelineThroughput.LetterSize}-byte messages");
        Console.WriteLine($"pipeline: {pipeline:F1} docs/s, raw MassTransit: {raw:F1} msg/s, ratio {pipeline / raw:F2}");
        return 0;
    }
}
