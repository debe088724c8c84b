using KpuTriage.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Tests.Hosting;

/// <summary>
/// The filter that keeps MassTransit's per-message S-FAULT entries out of the log quiets its two
/// exact categories only: a logging rule names a category prefix, and a careless one would have
/// opened (or closed) every "MassTransit.*" category the configuration had set to Warning.
/// </summary>
public sealed class MassTransitSendFaultsSpecs
{
    [Fact]
    public void Should_quiet_only_the_root_and_send_transport_categories_when_send_faults_are_filtered()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = ["--Logging:LogLevel:Default=Information", "--Logging:LogLevel:MassTransit=Warning"],
        });
        builder.Logging.QuietMassTransitSendFaults();
        using var host = builder.Build();
        var loggers = host.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(loggers.CreateLogger(MassTransitSendFaults.RootCategory).IsEnabled(LogLevel.Error));
        Assert.True(loggers.CreateLogger(MassTransitSendFaults.RootCategory).IsEnabled(LogLevel.Critical));
        Assert.False(loggers.CreateLogger(MassTransitSendFaults.SendTransportCategory).IsEnabled(LogLevel.Error));
        Assert.True(loggers.CreateLogger("MassTransit.ReceiveTransport").IsEnabled(LogLevel.Warning));
        Assert.False(loggers.CreateLogger("MassTransit.ReceiveTransport").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("KpuTriage.Core.Pipeline.Handoff").IsEnabled(LogLevel.Information));
    }
}
