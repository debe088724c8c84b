using System.Text.Json.Nodes;
using KpuTriage.Tests.Cli;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Tests.Ledger;

/// <summary><c>kputriage ledger …</c> on an office's SQLite database and on its export folder, offline.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class LedgerCommandSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory work = new();
    private readonly LedgerCli cli = new();
    private Desk desk = null!;
    private string settings = "";

    public async Task InitializeAsync()
    {
        desk = await Desk.StartAsync(LedgerDesk.Settings(data.Path, null));
        await LedgerDesk.CommitAsync(desk, 1, 3);
        settings = await LedgerCli.SettingsFileAsync(work.Path, "kpu-test", data.Path, null);
    }

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
        work.Dispose();
    }

    [Fact]
    public async Task Should_verify_the_database_and_store_the_result_with_who_ran_it()
    {
        var exitCode = await cli.RunAsync("ledger", "verify", "--settings", settings);

        Assert.True(exitCode == 0, cli.Output + cli.Errors);
        Assert.Contains("UTUH", cli.Output, StringComparison.Ordinal);
        var stored = await desk.QueryAsync(db => db.LedgerVerifications.AsNoTracking().SingleAsync());
        Assert.True(stored.Ok);
        Assert.Equal(6, stored.EntriesChecked);
        Assert.Equal("command:" + Environment.UserName, stored.RanBy);
    }

    [Fact]
    public async Task Should_verify_an_export_offline_and_name_the_entry_changed_in_the_exported_file()
    {
        Assert.Equal(0, await cli.RunAsync("ledger", "checkpoint", "--settings", settings));
        var export = Path.Combine(work.Path, "export");
        Assert.Equal(0, await cli.RunAsync("ledger", "export", export, "--settings", settings));
        Assert.Equal(0, await cli.RunAsync("ledger", "verify", "--export", export));
        Assert.Contains("1 checkpoint", cli.Output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(Path.Combine(export, "ledger.jsonl"));
        var fifth = JsonNode.Parse(lines[4])!;
        fifth["payload"]!["final"]!["sender"] = "Pengirim yang diubah";
        lines[4] = fifth.ToJsonString();
        await File.WriteAllLinesAsync(Path.Combine(export, "ledger.jsonl"), lines);

        var exitCode = await cli.RunAsync("ledger", "verify", "--export", export);

        Assert.Equal(1, exitCode);
        Assert.Contains("RUSAK pada entri 5", cli.Output, StringComparison.Ordinal);
        Assert.Contains("entry 5 (decision 0002/", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_an_export_folder_that_does_not_exist_with_exit_code_2()
    {
        var missing = Path.Combine(work.Path, "nowhere");

        var exitCode = await cli.RunAsync("ledger", "verify", "--export", missing);

        Assert.Equal(2, exitCode);
        Assert.Contains($"no export folder at {missing}", cli.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_export_into_a_folder_that_holds_files()
    {
        await File.WriteAllTextAsync(Path.Combine(work.Path, "something.txt"), "x");

        var exitCode = await cli.RunAsync("ledger", "export", work.Path, "--settings", settings);

        Assert.Equal(2, exitCode);
        Assert.Contains("is not empty", cli.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_store_good_checkpoints_from_a_file_and_name_each_forged_or_broken_line()
    {
        Assert.Equal(0, await cli.RunAsync("ledger", "checkpoint", "--settings", settings));
        var export = Path.Combine(work.Path, "export");
        Assert.Equal(0, await cli.RunAsync("ledger", "export", export, "--settings", settings));
        var good = (await File.ReadAllLinesAsync(Path.Combine(export, "checkpoints.jsonl"))).Single();
        var forged = JsonNode.Parse(good)!;
        forged["sequence"] = 2;
        var file = Path.Combine(work.Path, "from-another-office.jsonl");
        await File.WriteAllLinesAsync(file, [good, forged.ToJsonString(), "not json"]);

        var exitCode = await cli.RunAsync("ledger", "import-checkpoints", file, "--settings", settings);

        Assert.Equal(1, exitCode);
        Assert.Contains("1 checkpoint disimpan, 0 sudah ada, 2 ditolak", cli.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}:2) kantor kpu-test entri 2: the signature does not verify", cli.Errors, StringComparison.Ordinal);
        Assert.Contains($"{file}:3) kantor ? entri ?: not a checkpoint", cli.Errors, StringComparison.Ordinal);
    }
}
