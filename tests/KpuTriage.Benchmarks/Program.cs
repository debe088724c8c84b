using KpuTriage.Benchmarks;
using KpuTriage.Tests.Infrastructure;

// End-to-end pipeline throughput on RabbitMQ + PostgreSQL against raw MassTransit on the
// same broker. Servers come from the same settings ./test.sh exports; see run.sh.
var documents = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
await using var vhost = await RabbitVhost.CreateAsync();
var pipeline = await PipelineThroughput.MeasureAsync(documents, vhost);
var raw = await RawMassTransitThroughput.MeasureAsync(documents * 4, PipelineThroughput.LetterSize, vhost.Uri);
Console.WriteLine($"pipeline end-to-end (submit → inbox item): {pipeline:F1} documents/s over {documents} letters");
Console.WriteLine($"raw MassTransit publish → consume:         {raw:F1} messages/s ({PipelineThroughput.LetterSize} bytes each)");
Console.WriteLine($"ratio pipeline / raw:                      {pipeline / raw:P1}");
