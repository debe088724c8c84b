namespace KpuTriage.Web.Desk;

/// <summary>How the desk marks a line of a unified diff: a file header, a hunk header, an added or a removed line, or context.</summary>
public static class DiffLine
{
    public static string Kind(string line) => line switch
    {
        _ when line.StartsWith("+++ ", StringComparison.Ordinal) || line.StartsWith("--- ", StringComparison.Ordinal) => "file",
        _ when line.StartsWith("@@", StringComparison.Ordinal) => "hunk",
        _ when line.StartsWith('+') => "added",
        _ when line.StartsWith('-') => "removed",
        _ => "",
    };
}
