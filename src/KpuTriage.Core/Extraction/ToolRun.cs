namespace KpuTriage.Core.Extraction;

/// <summary>How a child process ended: its exit code and (bounded) output, or that it was killed for taking too long.</summary>
internal sealed record ToolRun(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    /// <summary>The line of standard error worth showing a clerk: the first that mentions an error, else the last.</summary>
    public string ErrorLine()
    {
        var lines = StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
            ?? lines.LastOrDefault()
            ?? $"exit code {ExitCode}";
    }
}
