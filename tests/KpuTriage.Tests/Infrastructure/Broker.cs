using System.Diagnostics;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>Stops and starts the test RabbitMQ node's application, to test behaviour across a broker outage.</summary>
internal static class Broker
{
    public static Task StopAsync() => RunAsync("stop_app");

    public static Task StartAsync() => RunAsync("start_app");

    private static async Task RunAsync(string command)
    {
        using var process = Process.Start(new ProcessStartInfo(TestServers.RabbitMqCtl, command) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"rabbitmqctl {command} failed: {error}");
    }
}
