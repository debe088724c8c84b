using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// A systemd unit of deploy/systemd/ started by tests/deploy/run-unit.sh, which execs the
/// unit's ExecStart: this process is the program itself, so SIGTERM reaches it as systemd's would.
/// </summary>
internal sealed class UnitProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private UnitProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

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

    public static UnitProcess Start(string root, string unitFile, string? instance = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Repository.PathOf("tests", "deploy", "run-unit.sh"), "--root", root, unitFile])
        {
            start.ArgumentList.Add(arg);
        }

        if (instance is not null)
        {
            start.ArgumentList.Add(instance);
        }

        var name = Path.GetFileName(unitFile).Replace("@", "@" + instance, StringComparison.Ordinal);
        return new UnitProcess(name, Process.Start(start) ?? throw new InvalidOperationException("bash did not start"));
    }

    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (pattern.Match(Output) is { Success: true } match)
            {
                return match;
            }

            Assert.False(process.HasExited, $"{Name} exited ({(process.HasExited ? process.ExitCode : 0)}) before printing /{pattern}/:\n{Output}");
            Assert.True(DateTime.UtcNow < deadline, $"{Name} did not print /{pattern}/ within {timeout}:\n{Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>SIGTERM, as systemctl stop sends; returns how long the program took to exit, failing past <paramref name="timeout"/>.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{Name} was still running {timeout} after SIGTERM (systemd would SIGKILL it):\n{Output}");
        }

        return watch.Elapsed;
    }

    public int ExitCode => process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
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
}
