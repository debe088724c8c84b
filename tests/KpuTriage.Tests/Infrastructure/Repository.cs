namespace KpuTriage.Tests.Infrastructure;

/// <summary>The checkout these tests were built from: the folder holding KpuTriage.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "KpuTriage.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("KpuTriage.sln not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
