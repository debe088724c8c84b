using KpuTriage.Cli;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public sealed class SubmitCommandSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory folder = new();
    private Desk desk = null!;

    public async Task InitializeAsync() => desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
        folder.Dispose();
    }

    private Task<int> RunAsync(params string[] args) =>
        CliCommands.Build(() => new HttpClient()).Parse(["submit", .. args, "--url", desk.Address.ToString(), "--api-key", DeskSettings.ApiKey]).InvokeAsync();

    [Fact]
    public async Task Should_submit_every_file_of_a_folder_tree_when_given_a_folder()
    {
        Directory.CreateDirectory(Path.Combine(folder.Path, "maret"));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "a.txt"), Letters.UndanganBytes(301));
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "maret", "b.txt"), Letters.UndanganBytes(302));
        await File.WriteAllTextAsync(Path.Combine(folder.Path, ".hidden"), "not a letter");

        var exitCode = await RunAsync(folder.Path);

        Assert.Equal(0, exitCode);
        var sources = await desk.QueryAsync(db => db.Documents.Select(d => d.Source).ToListAsync());
        Assert.Equal(["default", "default"], sources);
    }

    [Fact]
    public async Task Should_exit_with_1_and_record_nothing_when_the_source_is_not_one_the_key_may_use()
    {
        var file = Path.Combine(folder.Path, "surat.txt");
        await File.WriteAllBytesAsync(file, Letters.UndanganBytes(304));

        var exitCode = await RunAsync(file, "--source", "srikandi");

        Assert.Equal(1, exitCode);
        Assert.Equal(0, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Should_exit_with_1_and_keep_the_good_files_when_one_file_is_refused()
    {
        var good = Path.Combine(folder.Path, "baik.txt");
        var empty = Path.Combine(folder.Path, "kosong.txt");
        await File.WriteAllBytesAsync(good, Letters.UndanganBytes(303));
        await File.WriteAllBytesAsync(empty, []);

        var exitCode = await RunAsync(good, empty, Path.Combine(folder.Path, "tidak-ada.txt"));

        Assert.Equal(1, exitCode);
        Assert.Equal(1, await desk.QueryAsync(db => db.Documents.CountAsync()));
    }

    [Fact]
    public async Task Should_exit_with_2_when_no_api_key_is_given()
    {
        var exitCode = await CliCommands.Build(() => new HttpClient()).Parse(["submit", folder.Path, "--url", desk.Address.ToString(), "--api-key", ""]).InvokeAsync();

        Assert.Equal(2, exitCode);
    }
}
