using System.Diagnostics;
using System.Text;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>
/// Runs a command-line tool the way a shell script would, for the baselines and for drawing
/// inputs. OMP_THREAD_LIMIT=1 as KpuTriage sets it: without it tesseract's own threads make a
/// page ~8× slower here, and the baseline would be a straw man.
/// </summary>
internal static class CliTool
{
    /// <returns>The tool's standard output.</returns>
    /// <exception cref="InvalidOperationException">The tool is missing or failed; the message carries its error output.</exception>
    public static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    /// <returns>Null when every tool is on PATH, else the names of the missing ones.</returns>
    public static string? Missing(params string[] tools)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        var missing = tools.Where(t => !path.Any(d => File.Exists(Path.Combine(d, t)))).ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }
}
