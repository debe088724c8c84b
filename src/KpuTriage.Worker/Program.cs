using KpuTriage.Core.Hosting;
using KpuTriage.Worker.Endpoints;

// A headless host for scale-out: runs the pipeline stages named in Pipeline:Stages against
// RabbitMQ, as competing consumers beside any number of other workers. It serves only
// /health and /metrics, on Worker:Listen (loopback unless configured).
var builder = WebApplication.CreateBuilder(args);
builder.AddKpuTriage();
builder.AddWorkerEndpoints();
var app = builder.Build();
app.MapWorkerEndpoints();
await app.RunAsync();
