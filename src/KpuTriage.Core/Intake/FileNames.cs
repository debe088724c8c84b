namespace KpuTriage.Core.Intake;

/// <summary>
/// File names come from outside and are only ever displayed: keep the last path segment,
/// drop control characters, cap the length. Content is stored by hash, never by this name.
/// </summary>
public static class FileNames
{
    public static string Sanitize(string? name)
    {
        var lastSegment = (name ?? "").Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var clean = new string(lastSegment.Where(c => !char.IsControl(c)).ToArray()).Trim().TrimStart('.');
        if (clean.Length == 0)
        {
            return "document";
        }

        return clean.Length <= 200 ? clean : clean[..100] + "…" + clean[^99..];
    }
}
