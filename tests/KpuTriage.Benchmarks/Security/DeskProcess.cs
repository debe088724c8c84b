using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace KpuTriage.Benchmarks.Security;

/// <summary>
/// The built Web host (src/KpuTriage.Web/bin/Release) as its own OS process, as an office runs
/// it: so its memory is its own, measured from /proc, and not the benchmark's.
/// </summary>
internal sealed class DeskProcess : IAsyncDisposable
{
    private readonly Process process;

    private DeskProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }
    public int Id => process.Id;

    public static async Task<DeskProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "KpuTriage.Web", "bin", "Release", "net10.0", "KpuTriage.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: dotnet build src/KpuTriage.Web -c Release");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port}");
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the desk did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine("  desk: " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var desk = new DeskProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await desk.WaitHealthyAsync();
        return desk;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the desk exited with {process.ExitCode} while starting");
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

        throw new TimeoutException("the desk did not answer /health within 2 minutes");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
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
