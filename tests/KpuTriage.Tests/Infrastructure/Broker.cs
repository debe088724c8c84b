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
        // Both pipes are read, so neither can fill and stop rabbitmqctl; the whole is bounded.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"rabbitmqctl {command} did not finish within 2 minutes");
        }

        Assert.True(process.ExitCode == 0, $"rabbitmqctl {command} failed: {await error}{await output}");
    }
}
