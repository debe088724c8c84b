using Microsoft.Extensions.Configuration;

namespace KpuTriage.Core.Hosting;

/// <summary>Where an office keeps its files: KPUTRIAGE_DATA_DIR, default ./data.</summary>
public static class DataDirectory
{
    public const string Variable = "KPUTRIAGE_DATA_DIR";

    /// <summary>
    /// The data folder, created 0700 when missing. Every host resolves it before it makes a
    /// file, so this is also where the process starts creating files for their owner only
    /// (<see cref="OwnerOnlyFiles"/>).
    /// </summary>
    public static string Resolve(IConfiguration configuration)
    {
        OwnerOnlyFiles.Apply();
        var path = Path.GetFullPath(configuration[Variable] is { Length: > 0 } configured ? configured : "data");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, OwnerOnlyFiles.FolderMode);
        }

        // A folder made open by an earlier version (0755) closes here, so nothing below it can
        // be read by other accounts even where older files are still 0644.
        CloseToOthers(path);
        return path;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void CloseToOthers(string path)
    {
        if ((File.GetUnixFileMode(path) & ~OwnerOnlyFiles.FolderMode) == 0)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, OwnerOnlyFiles.FolderMode);
        }
        catch (UnauthorizedAccessException)
        {
            // Owned by another account (e.g. a mounted volume's root): its owner sets its mode;
            // everything this process makes inside is still owner-only.
        }
    }
}
