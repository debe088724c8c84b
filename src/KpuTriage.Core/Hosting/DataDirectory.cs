using Microsoft.Extensions.Configuration;

namespace KpuTriage.Core.Hosting;

/// <summary>Where an office keeps its files: KPUTRIAGE_DATA_DIR, default ./data.</summary>
public static class DataDirectory
{
    public const string Variable = "KPUTRIAGE_DATA_DIR";

    public static string Resolve(IConfiguration configuration)
    {
        var path = Path.GetFullPath(configuration[Variable] is { Length: > 0 } configured ? configured : "data");
        Directory.CreateDirectory(path);
        return path;
    }
}
