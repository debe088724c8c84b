using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KpuTriage.Benchmarks.Hosts;

/// <summary>
/// A built host (src/KpuTriage.Web or src/KpuTriage.Worker, bin/Release) as its own OS process,
/// as an office runs it: its memory is its own, measured from /proc, and it can be killed with
/// SIGKILL and started again with the same settings and port.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo start;
    private readonly string name;
    private readonly TextWriter? log;
    private Process process;

    private HostProcess(ProcessStartInfo start, string name, Uri address, TextWriter? log)
    {
        this.start = start;
        this.name = name;
        this.log = log;
        Address = address;
        process = Launch();
    }

    /// <summary>Where the host answers: the desk and API for Web, /health and /metrics for a Worker.</summary>
    public Uri Address { get; }

    public int Id => process.Id;

    /// <param name="log">Where the host's output goes; null: its errors to this console, prefixed.</param>
    public static Task<HostProcess> StartWebAsync(IReadOnlyDictionary<string, string> settings, string name = "desk", TextWriter? log = null) =>
        StartAsync("KpuTriage.Web", settings, port => $"--Urls=http://127.0.0.1:{port}", name, log);

    /// <param name="cpus">A taskset CPU list (e.g. "1") the worker and the OCR tools it starts are confined to, as on a machine of that many cores; null: every core.</param>
    public static Task<HostProcess> StartWorkerAsync(IReadOnlyDictionary<string, string> settings, string name, TextWriter? log = null, string? cpus = null) =>
        StartAsync("KpuTriage.Worker", settings, port => $"--Worker:Listen=http://127.0.0.1:{port}", name, log, cpus);

    private static async Task<HostProcess> StartAsync(
        string project, IReadOnlyDictionary<string, string> settings, Func<int, string> listen, string name, TextWriter? log, string? cpus = null)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", project, "bin", "Release", "net10.0", project + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: dotnet build src/{project} -c Release");
        }

        var port = FreePort();
        // taskset execs dotnet, so the process (and every tool it starts) keeps the CPU list.
        var start = new ProcessStartInfo(cpus is null ? "dotnet" : "taskset") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (cpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(cpus);
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.ArgumentList.Add(listen(port));
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var host = new HostProcess(start, name, new Uri($"http://127.0.0.1:{port}"), log);
        await host.WaitHealthyAsync();
        return host;
    }

    /// <summary>SIGKILL, as a crashing machine or the OOM killer would: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the host again with the same settings and port; returns when it answers /health.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        process.Dispose();
        process = Launch();
        await WaitHealthyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private Process Launch()
    {
        var launched = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        launched.OutputDataReceived += (_, e) => Write(e.Data, error: false);
        launched.ErrorDataReceived += (_, e) => Write(e.Data, error: true);
        launched.BeginOutputReadLine();
        launched.BeginErrorReadLine();
        return launched;
    }

    private void Write(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        if (log is not null)
        {
            lock (log)
            {
                log.WriteLine($"{name}: {line}");
            }
        }
        else if (error)
        {
            Console.Error.WriteLine($"  {name}: {line}");
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} while starting");
            }

            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{name} did not answer /health within 2 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KpuTriage.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("KpuTriage.sln not found above " + AppContext.BaseDirectory);
    }
}
