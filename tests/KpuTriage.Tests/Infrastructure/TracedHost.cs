using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// One of the built programs (src/KpuTriage.{Web,Worker,Cli}/bin/…) run as its own OS process
/// under strace, which records every connect and every datagram the process and its children
/// address (DNS included). The output is kept, to wait for a line and to explain a failure.
/// </summary>
internal sealed class TracedHost : IAsyncDisposable
{
    /// <summary>The syscalls by which a process can reach another machine (or a resolver).</summary>
    private const string Syscalls = "connect,sendto,sendmsg,sendmmsg";

    private readonly Process strace;
    private readonly StringBuilder output = new();

    private TracedHost(string name, Process strace, string tracePath)
    {
        Name = name;
        this.strace = strace;
        TracePath = tracePath;
        strace.OutputDataReceived += (_, e) => Append(e.Data);
        strace.ErrorDataReceived += (_, e) => Append(e.Data);
        strace.BeginOutputReadLine();
        strace.BeginErrorReadLine();
    }

    public string Name { get; }

    public string TracePath { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <param name="project">KpuTriage.Web, KpuTriage.Worker or KpuTriage.Cli.</param>
    /// <param name="environment">Variables to set (null removes one) on top of this process's own.</param>
    public static TracedHost Start(string name, string project, string traceFolder, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var program = Built(project);
        var tracePath = Path.Combine(traceFolder, name + ".trace");
        var start = new ProcessStartInfo("strace")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = traceFolder,
        };
        foreach (var arg in (string[])["-f", "-qq", "--seccomp-bpf", "-e", "trace=" + Syscalls, "-e", "signal=none", "-o", tracePath, "--", Dotnet(), program])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The product's own defaults are what is measured: nothing in the test's environment may switch telemetry off.
        start.Environment.Remove("MASSTRANSIT_USAGE_TELEMETRY");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("strace did not start: it is installed by ./test.sh");
        return new TracedHost(name, process, tracePath);
    }

    /// <summary>Waits until the output holds a match of <paramref name="pattern"/>; fails when the host exits or the time is up.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (pattern.Match(Output) is { Success: true } match)
            {
                return match;
            }

            if (strace.HasExited)
            {
                await strace.WaitForExitAsync();
                Assert.Fail($"{Name} exited ({strace.ExitCode}) before printing /{pattern}/:\n{Output}");
            }


            Assert.True(DateTime.UtcNow < deadline, $"{Name} did not print /{pattern}/ within {timeout}:\n{Output}");
            await Task.Delay(200);
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await strace.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{Name} was still running after {timeout}:\n{Output}");
        }

        // strace ends with the program's exit code.
        return strace.ExitCode;
    }

    /// <summary>Stops the program as systemd or Kubernetes would (SIGTERM), so its shutdown is traced too.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (strace.HasExited)
        {
            return;
        }

        var traced = File.ReadAllText($"/proc/{strace.Id}/task/{strace.Id}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).First();
        using (var kill = Process.Start("kill", ["-TERM", traced]))
        {
            await kill.WaitForExitAsync();
        }

        await WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (!strace.HasExited)
        {
            strace.Kill(entireProcessTree: true);
            await strace.WaitForExitAsync();
        }

        strace.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>The program as the solution's build left it, in the configuration these tests were built in.</summary>
    private static string Built(string project)
    {
        var configuration = typeof(TracedHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "KpuTriage.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var output = Path.Combine(root.FullName, "src", project, "bin", configuration, "net10.0");
        // The program is the assembly with a runtime configuration beside it (the CLI's is kputriage.dll).
        var runtimeConfig = Directory.Exists(output) ? Directory.GetFiles(output, "*.runtimeconfig.json") : [];
        Assert.True(runtimeConfig.Length == 1, $"no program built in {output}: build the solution (./test.sh does).");
        return runtimeConfig[0].Replace(".runtimeconfig.json", ".dll", StringComparison.Ordinal);
    }

    private static string Dotnet() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
