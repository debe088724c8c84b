using KpuTriage.Core.Hosting;

// A headless host for scale-out: runs the pipeline stages named in Pipeline:Stages against
// RabbitMQ, as competing consumers beside any number of other workers.
var builder = Host.CreateApplicationBuilder(args);
builder.AddKpuTriage();
await builder.Build().RunAsync();
