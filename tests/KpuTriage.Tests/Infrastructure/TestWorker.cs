using KpuTriage.Core.Hosting;
using Microsoft.Extensions.Hosting;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// A worker host's stages composed as src/KpuTriage.Worker composes them, run in-process as one of
/// several competing consumers; its /health and /metrics are tested on the built program (WorkerEndpointSpecs).
/// </summary>
internal static class TestWorker
{
    public static async Task<IHost> StartAsync(DeskSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(settings.ToArgs());
        builder.AddKpuTriage();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
