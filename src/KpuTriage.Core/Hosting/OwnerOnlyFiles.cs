using System.Runtime.InteropServices;

namespace KpuTriage.Core.Hosting;

/// <summary>
/// The office's files hold letters, password hashes and keys: on Unix, every file and folder this
/// process (and the tools it starts, such as pdftoppm and tesseract) creates is its owner's only,
/// 0600 and 0700. Done with the process's file-creation mask rather than a mode at each place a
/// file is made, because SQLite (the database and its -wal/-shm/-journal files), ASP.NET Core's
/// data-protection keys and pdftoppm's page images are made by code this project does not write.
/// </summary>
public static partial class OwnerOnlyFiles
{
    /// <summary>Group and others get no bit on anything created from now on.</summary>
    private const uint Mask = 0b000_111_111; // 0077

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void Apply()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = umask(Mask);
        }
    }

    // mode_t is a 32-bit unsigned integer on Linux (glibc and musl); umask cannot fail.
    [DllImport("libc", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint umask(uint mask);
}
