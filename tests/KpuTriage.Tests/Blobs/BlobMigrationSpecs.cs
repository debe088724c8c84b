using System.Security.Cryptography;
using System.Text.Json;
using KpuTriage.Cli;
using KpuTriage.Core.Blobs;
using KpuTriage.Core.Documents;
using KpuTriage.Tests.Cli;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Blobs;

/// <summary>
/// <c>kputriage blobs migrate</c> on an office that moved to PostgreSQL with its letters' files
/// still in its data folder: every file reaches the database checked by hash, and a run stopped
/// midway (killed) finishes when run again.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BlobMigrationSpecs : IAsyncLifetime
{
    private BlobDatabase office = null!;
    private string settings = "";

    public async Task InitializeAsync()
    {
        office = await BlobDatabase.CreateAsync();
        settings = Path.Combine(office.Data.Path, "office.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["KPUTRIAGE_DATA_DIR"] = office.Data.Path,
            ["Storage"] = new { Provider = "postgres" },
            ["ConnectionStrings"] = new { Postgres = office.ConnectionString },
        }));
    }

    public async Task DisposeAsync() => await office.DisposeAsync();

    private string Output { get; set; } = "";

    /// <summary>Files as the folder store kept them before the move, each with its document.</summary>
    private async Task<Dictionary<string, byte[]>> FilesInTheFolderAsync(int count, int size)
    {
        var folder = new FolderBlobStore(office.Folder);
        var files = new Dictionary<string, byte[]>();
        await using var db = office.Db();
        for (var i = 0; i < count; i++)
        {
            var content = RandomNumberGenerator.GetBytes(size + i);
            using var pending = await folder.ReceiveAsync(new MemoryStream(content), long.MaxValue, CancellationToken.None);
            await pending.CommitAsync(CancellationToken.None);
            files[pending.Sha256] = content;
            db.Documents.Add(Document(pending.Sha256, content.Length));
        }

        await db.SaveChangesAsync();
        return files;
    }

    private static Document Document(string sha256, long size) => new()
    {
        Source = "arsip",
        FileName = "surat.pdf",
        Kind = DocumentKind.Pdf,
        Sha256 = sha256,
        SizeBytes = size,
        ReceivedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
        Status = DocumentStatus.InReview,
    };

    private async Task<int> MigrateAsync()
    {
        var output = Console.Out;
        var outputs = new StringWriter();
        Console.SetOut(outputs);
        try
        {
            var exitCode = await CliCommands.Build(() => new HttpClient()).Parse(["blobs", "migrate", "--settings", settings]).InvokeAsync();
            Output = outputs.ToString();
            return exitCode;
        }
        finally
        {
            Console.SetOut(output);
        }
    }

    private async Task AssertStoredAsync(Dictionary<string, byte[]> files)
    {
        var store = office.Store(dataDirectory: office.Data.Path + "-elsewhere");
        foreach (var (sha256, content) in files)
        {
            await using var stored = await store.OpenStoredAsync(sha256, CancellationToken.None);
            Assert.NotNull(stored);
            using var copy = new MemoryStream();
            await stored.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }
    }

    [Fact]
    public async Task Should_move_every_file_into_the_database_and_say_the_folder_may_go_when_run_twice()
    {
        var files = await FilesInTheFolderAsync(4, (2 * PostgresBlobStore.ChunkSize) + 100);

        var first = await MigrateAsync();
        var firstOutput = Output;
        var second = await MigrateAsync();

        Assert.True(first == 0, firstOutput);
        Assert.Contains("4 berkas; 4 dipindahkan", firstOutput, StringComparison.Ordinal);
        Assert.Contains("SELESAI: semua berkas ada di basis data dan utuh", firstOutput, StringComparison.Ordinal);
        Assert.True(second == 0, Output);
        Assert.Contains("4 berkas; 0 dipindahkan (0 byte), 4 sudah ada dan utuh, 0 diperbaiki, 0 rusak.", Output, StringComparison.Ordinal);
        await AssertStoredAsync(files);
        Assert.Equal(files.Count, Directory.EnumerateFiles(office.Folder, "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task Should_finish_the_move_when_run_again_after_the_first_run_was_killed_midway()
    {
        var files = await FilesInTheFolderAsync(60, PostgresBlobStore.ChunkSize + 1000);
        using var traces = new TempDirectory();
        int storedWhenKilled;
        await using (var run = TracedHost.Start("migrate", "KpuTriage.Cli", traces.Path, ["blobs", "migrate", "--settings", settings]))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((storedWhenKilled = await office.QueryAsync(db => db.Set<StoredBlob>().CountAsync())) == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the migration stored nothing in 60 s:\n{run.Output}");
                await Task.Delay(10);
            }
        }

        // Killed (SIGKILL) with some of the files moved, one perhaps half way in its transaction.
        var storedAfterKill = await office.QueryAsync(db => db.Set<StoredBlob>().CountAsync());
        Assert.InRange(storedAfterKill, storedWhenKilled, files.Count - 1);

        var exitCode = await MigrateAsync();

        Assert.True(exitCode == 0, Output);
        Assert.Contains($"60 berkas; {files.Count - storedAfterKill} dipindahkan", Output, StringComparison.Ordinal);
        Assert.Contains($"{storedAfterKill} sudah ada dan utuh, 0 diperbaiki, 0 rusak.", Output, StringComparison.Ordinal);
        Assert.Equal(files.Count, await office.QueryAsync(db => db.Set<StoredBlob>().CountAsync()));
        await AssertStoredAsync(files);
    }

    [Fact]
    public async Task Should_replace_a_damaged_copy_and_report_a_damaged_file_and_a_document_without_one()
    {
        var files = await FilesInTheFolderAsync(3, PostgresBlobStore.ChunkSize + 10);
        var (copied, altered) = (files.Keys.ElementAt(0), files.Keys.ElementAt(1));
        // Copied by an earlier run, then damaged in the database.
        await using (var content = new MemoryStream(files[copied]))
        {
            await office.Store().StoreAsync(content, copied, content.Length, CancellationToken.None);
        }

        await office.ExecuteAsync($"""UPDATE "BlobChunks" SET "Data" = set_byte("Data", 0, (get_byte("Data", 0) + 1) % 256) WHERE "Sha256" = '{copied}' AND "Index" = 1""");
        // Damaged in the folder: its content no longer matches its name.
        var alteredPath = new FolderBlobStore(office.Folder).PathOf(altered);
        await using (var file = File.OpenWrite(alteredPath))
        {
            file.WriteByte((byte)(files[altered][0] ^ 0xFF));
        }

        var exitCode = await MigrateAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("3 berkas; 1 dipindahkan", Output, StringComparison.Ordinal);
        Assert.Contains("0 sudah ada dan utuh, 1 diperbaiki, 1 rusak.", Output, StringComparison.Ordinal);
        Assert.Contains($"Rusak (isinya tidak cocok dengan namanya), tidak dipindahkan: {alteredPath}", Output, StringComparison.Ordinal);
        Assert.Contains("1 dokumen belum punya berkas di basis data.", Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SELESAI", Output, StringComparison.Ordinal);
        files.Remove(altered);
        await AssertStoredAsync(files);
        Assert.Null(await office.Store().OpenStoredAsync(altered, CancellationToken.None));
    }

    [Fact]
    public async Task Should_refuse_to_run_when_the_office_keeps_its_data_in_sqlite()
    {
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["KPUTRIAGE_DATA_DIR"] = office.Data.Path,
            ["Storage"] = new { Provider = "sqlite" },
        }));
        await using (var db = new Core.Persistence.SqliteTriageDb(new DbContextOptionsBuilder<Core.Persistence.SqliteTriageDb>()
            .UseSqlite($"Data Source={Path.Combine(office.Data.Path, "kputriage.db")}").Options))
        {
            await db.Database.MigrateAsync();
        }

        var error = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        int exitCode;
        try
        {
            exitCode = await CliCommands.Build(() => new HttpClient()).Parse(["blobs", "migrate", "--settings", settings]).InvokeAsync();
        }
        finally
        {
            Console.SetError(error);
        }

        Assert.Equal(2, exitCode);
        Assert.Contains("Berkas disimpan di basis data hanya bila Storage:Provider adalah 'postgres'.", errors.ToString(), StringComparison.Ordinal);
    }
}
