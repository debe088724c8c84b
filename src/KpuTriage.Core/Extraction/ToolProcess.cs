using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Runs an OCR tool as a child process: arguments passed as a list (never through a shell, so
/// file names cannot inject anything), one OpenMP thread, bounded output, and the whole
/// process tree killed on timeout or cancellation.
/// </summary>
internal static class ToolProcess
{
    // Tesseract's OpenMP threads fight each other and every other page: 13 s a page instead
    // of 1.7 s on this hardware. Parallelism comes from running pages side by side instead.
    private const string OmpThreadLimit = "OMP_THREAD_LIMIT";

    // A tool that floods its output must not fill the worker's memory; the head is enough
    // for an error line or a language list.
    private const int MaxCapturedChars = 64 * 1024;

    /// <returns>The run, or null when the executable could not be started (missing, not executable).</returns>
    public static async Task<ToolRun?> RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[OmpThreadLimit] = "1";

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or FileNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }

        process.StandardInput.Close();
        var output = ReadBoundedAsync(process.StandardOutput);
        var error = ReadBoundedAsync(process.StandardError);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(output, error);
            cancellationToken.ThrowIfCancellationRequested();
            return new ToolRun(-1, await output, await error, TimedOut: true);
        }

        return new ToolRun(process.ExitCode, await output, await error, TimedOut: false);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill: nothing is left to stop.
        }
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            // Keep draining past the limit so the child never blocks on a full pipe.
            var room = MaxCapturedChars - kept.Length;
            if (room > 0)
            {
                kept.Append(buffer, 0, Math.Min(read, room));
            }
        }

        return kept.ToString();
    }
}
