using KpuTriage.Core.Hosting;
using Microsoft.Extensions.Hosting;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>A worker host built exactly as src/KpuTriage.Worker builds it, run in-process as one of several competing consumers.</summary>
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
