namespace KpuTriage.Core.Extraction;

/// <summary>Finds a configured tool: a path is taken as is, a bare name is looked up on PATH.</summary>
internal static class ToolLocator
{
    /// <returns>The full path of an existing file, or null.</returns>
    public static string? Find(string configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (configured.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || configured.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, configured))
            .FirstOrDefault(File.Exists);
    }
}
