using System.Net;
using KpuTriage.Core.Blobs;
using KpuTriage.Tests.Extraction;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace KpuTriage.Tests.Blobs;

/// <summary>
/// With Storage:Provider=postgres the letters' files live in the database: letters go through
/// the pipeline, and the desk shows their pages and files, on hosts that share nothing but the
/// database and the broker.
/// </summary>
public sealed class BlobsOnPostgresSpecs : IAsyncLifetime
{
    private readonly List<TempDirectory> folders = [];
    private PostgresDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        folders.ForEach(f => f.Dispose());
    }

    private string NewDataFolder()
    {
        var folder = new TempDirectory();
        folders.Add(folder);
        return folder.Path;
    }

    private DeskSettings Settings(string stages, Uri? rabbitMq = null) => new()
    {
        DataDirectory = NewDataFolder(),
        PostgresConnectionString = database.ConnectionString,
        RabbitMq = rabbitMq,
        Stages = stages,
    };

    private static readonly byte[] Pdf = TestPdfs.WithText(["KOMISI PEMILIHAN UMUM", "Nomor : 8/PL.01/2025", "Hal : Pemberitahuan"]);

    [Fact]
    public async Task Should_bring_letters_to_the_inbox_with_their_pages_and_files_when_no_folder_keeps_them()
    {
        await using var desk = await Desk.StartAsync(Settings("intake,extract,propose,review"));
        await desk.EnsurePeopleAsync();
        var text = await desk.SubmitOkAsync("undangan.txt", Letters.UndanganBytes(7));
        var pdf = await desk.SubmitOkAsync("surat.pdf", Pdf);
        var scan = await desk.SubmitOkAsync("pindaian.png", ScanImages.Letter100Png);

        foreach (var id in new[] { text, pdf, scan })
        {
            Assert.Equal("in_review", (await desk.WaitForStatusAsync(id, "in_review", "manual_triage")).GetProperty("status").GetString());
        }

        await AssertPagesAndFilesAsync(desk, pdf, scan);
        Assert.False(Directory.Exists(Path.Combine(desk.Settings.DataDirectory, "blobs")), "a blob folder was made");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(desk.Settings.DataDirectory, "incoming")));
        Assert.Equal(3, await desk.QueryAsync(db => db.Set<StoredBlob>().CountAsync()));
    }

    [Fact]
    public async Task Should_read_a_letter_on_hosts_with_other_data_folders_when_they_share_only_the_database_and_broker()
    {
        await using var vhost = await RabbitVhost.CreateAsync();
        await using var web = await Desk.StartAsync(Settings("", vhost.Uri));
        await web.EnsurePeopleAsync();
        using var worker = await TestWorker.StartAsync(Settings("intake,extract,propose,review", vhost.Uri));
        try
        {
            var pdf = await web.SubmitOkAsync("surat.pdf", Pdf);
            var scan = await web.SubmitOkAsync("pindaian.png", ScanImages.Letter100Png);

            // The worker, in a data folder of its own, read both from the database.
            var read = await web.WaitForStatusAsync(scan, "in_review", "manual_triage");
            Assert.Equal("in_review", read.GetProperty("status").GetString());
            Assert.Equal(ScanImages.LetterNumber, read.GetProperty("proposal").GetProperty("fields").GetProperty("letterNumber").GetProperty("value").GetString());
            Assert.Equal("in_review", (await web.WaitForStatusAsync(pdf, "in_review", "manual_triage")).GetProperty("status").GetString());

            // A second desk that never saw the letters shows them.
            await using var other = await Desk.StartAsync(Settings(""));
            await AssertPagesAndFilesAsync(other, pdf, scan);
            foreach (var folder in folders)
            {
                Assert.False(Directory.Exists(Path.Combine(folder.Path, "blobs")), $"a blob folder was made in {folder.Path}");
            }
        }
        finally
        {
            await worker.StopAsync();
        }
    }

    private static async Task AssertPagesAndFilesAsync(Desk desk, Guid pdf, Guid scan)
    {
        using var clerk = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
        using var page = await clerk.GetAsync($"/documents/{pdf}/pages/1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("image/png", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await page.Content.ReadAsByteArrayAsync())[..4]);

        using var file = await clerk.GetAsync($"/documents/{scan}/file");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ScanImages.Letter100Png, await file.Content.ReadAsByteArrayAsync());
    }
}
