using System.Net;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Security;

/// <summary>
/// The data folder holds letters, password hashes and keys: no other account on the server
/// may read any of it. Every file is 0600 and every folder 0700, whoever made it (the desk,
/// SQLite, pdftoppm).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderSpecs : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Should_create_every_file_and_folder_for_its_owner_only_when_the_desk_keeps_a_letter()
    {
        var office = Path.Combine(data.Path, "kantor");
        await using (var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = office }))
        {
            var id = await desk.SubmitOkAsync("surat.pdf", TestPdfs.WithText(["KOMISI PEMILIHAN UMUM", "Nomor : 8/PL.01/2025", "Hal : Pemberitahuan"]));
            await desk.WaitForStatusAsync(id, "in_review", "manual_triage");
            await desk.EnsurePeopleAsync();
            using var clerk = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
            using var page = await clerk.GetAsync($"/documents/{id}/pages/1");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            // Read while the desk still runs: SQLite's -wal and -shm files exist only while it is open.
            AssertOwnerOnly(office, ["kputriage.db", "kputriage.db-wal", "kputriage.db-shm", "ledger", "blobs", "pages"]);
        }
    }

    [Fact]
    public async Task Should_close_the_data_folder_to_other_accounts_when_a_host_starts_on_one_left_open()
    {
        var office = Directory.CreateDirectory(Path.Combine(data.Path, "kantor")).FullName;
        File.SetUnixFileMode(office, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = office, Stages = "" });

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(office));
    }

    private static void AssertOwnerOnly(string folder, string[] expected)
    {
        var names = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).ToList();
        Assert.All(expected, e => Assert.Contains(e, names));
        var open = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Prepend(folder))
        {
            var mode = File.GetUnixFileMode(entry);
            var wanted = Directory.Exists(entry) ? OwnerOnly : UnixFileMode.UserRead | UnixFileMode.UserWrite;
            if (mode != wanted)
            {
                open.Add($"{Path.GetRelativePath(folder, entry)}: {Convert.ToString((int)mode, 8)}");
            }
        }

        Assert.True(open.Count == 0, "open to others:\n" + string.Join('\n', open));
        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(folder, "pages"), "*.png", SearchOption.AllDirectories));
    }
}
