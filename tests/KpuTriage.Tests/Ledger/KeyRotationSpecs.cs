using System.Security.Cryptography;
using System.Text.Json;
using KpuTriage.Core.Ledger;
using KpuTriage.Tests.Cli;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Ledger;

/// <summary>
/// <c>kputriage ledger rotate-key</c>: the old key signs a checkpoint announcing the new one, the
/// office keeps committing under the new key, and whoever pinned the old key (an auditor with
/// <c>--pinned-key</c>, another office that imported its checkpoints) accepts the new key through
/// that announcement — and refuses a key the old one never announced.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class KeyRotationSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private readonly TempDirectory work = new();
    private readonly LedgerCli cli = new();
    private Desk desk = null!;
    private string oldSettings = "";
    private string oldPublicKey = "";

    private string OfficeKeyPath => Path.Combine(data.Path, "ledger", "office-key.pem");

    public async Task InitializeAsync()
    {
        desk = await Desk.StartAsync(LedgerDesk.Settings(data.Path, null));
        await LedgerDesk.CommitAsync(desk, 1, 2);
        await LedgerDesk.CheckpointAsync(desk);
        oldSettings = await SettingsAsync("old", OfficeKeyPath);
        // What an auditor or another office kept of the office before anything changed: its public key.
        using var old = ECDsa.Create();
        old.ImportFromPem(await File.ReadAllTextAsync(OfficeKeyPath));
        oldPublicKey = Path.Combine(work.Path, "pinned-office-key.pem");
        await File.WriteAllTextAsync(oldPublicKey, old.ExportSubjectPublicKeyInfoPem());
    }

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
        work.Dispose();
    }

    [Fact]
    public async Task Should_verify_with_the_old_pinned_key_when_the_key_was_rotated_and_the_office_kept_committing()
    {
        var newSettings = await RotateAndCommitAsync();
        var export = await ExportAsync(newSettings, "export-rotated");

        var exitCode = await cli.RunAsync("ledger", "verify", "--export", export, "--pinned-key", oldPublicKey);

        Assert.True(exitCode == 0, cli.Output + cli.Errors);
        Assert.Contains("3 checkpoint", cli.Output, StringComparison.Ordinal);
        Assert.Contains("UTUH", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_verify_the_database_from_the_first_key_when_the_key_was_rotated()
    {
        var newSettings = await RotateAndCommitAsync();

        var exitCode = await cli.RunAsync("ledger", "verify", "--settings", newSettings);

        Assert.True(exitCode == 0, cli.Output + cli.Errors);
        Assert.Contains("UTUH", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_to_sign_with_the_old_key_when_it_was_retired()
    {
        await RotateAndCommitAsync();

        var exitCode = await cli.RunAsync("ledger", "checkpoint", "--settings", oldSettings);

        Assert.Equal(2, exitCode);
        Assert.Contains("was retired at entry", cli.Errors, StringComparison.Ordinal);
        Assert.Contains("Ledger:KeyPath", cli.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_a_key_the_old_one_never_announced_when_verifying_with_the_old_pinned_key()
    {
        var forgedSettings = await SwapKeyAndCommitAsync();
        var export = await ExportAsync(forgedSettings, "export-forged");
        var forged = OfficeKey.IdOf(OfficeKey.ReadPublicKey(Path.Combine(work.Path, "forged-key.pem")));

        var exitCode = await cli.RunAsync("ledger", "verify", "--export", export, "--pinned-key", oldPublicKey);

        Assert.True(exitCode == 1, cli.Output + cli.Errors);
        Assert.Contains("RUSAK", cli.Output, StringComparison.Ordinal);
        Assert.Contains($"is signed with key {forged}, which no trusted key announced (the trusted key is the pinned key {OfficeKey.IdOf(OfficeKey.ReadPublicKey(oldPublicKey))}", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_accept_the_new_key_through_its_announcement_when_another_office_pinned_the_old_one()
    {
        var before = await ExportAsync(oldSettings, "export-before");
        var otherOffice = await OtherOfficeAsync();
        Assert.True(await cli.RunAsync("ledger", "import-checkpoints", Path.Combine(before, ExportedLedger.CheckpointsFile), "--settings", otherOffice) == 0, cli.Output + cli.Errors);
        var newSettings = await RotateAndCommitAsync();
        var after = await ExportAsync(newSettings, "export-after");

        var exitCode = await cli.RunAsync("ledger", "import-checkpoints", Path.Combine(after, ExportedLedger.CheckpointsFile), "--settings", otherOffice);

        Assert.True(exitCode == 0, cli.Output + cli.Errors);
        Assert.Empty(cli.Errors);
    }

    [Fact]
    public async Task Should_refuse_a_key_the_old_one_never_announced_when_another_office_pinned_the_old_one()
    {
        var before = await ExportAsync(oldSettings, "export-before");
        var otherOffice = await OtherOfficeAsync();
        Assert.True(await cli.RunAsync("ledger", "import-checkpoints", Path.Combine(before, ExportedLedger.CheckpointsFile), "--settings", otherOffice) == 0, cli.Output + cli.Errors);
        var forgedSettings = await SwapKeyAndCommitAsync();
        var after = await ExportAsync(forgedSettings, "export-forged");

        var exitCode = await cli.RunAsync("ledger", "import-checkpoints", Path.Combine(after, ExportedLedger.CheckpointsFile), "--settings", otherOffice);

        Assert.Equal(1, exitCode);
        Assert.Contains("which no trusted key announced", cli.Errors, StringComparison.Ordinal);
    }

    /// <summary>Rotates to a new key with the command, restarts the desk on it, commits two more letters and signs a checkpoint with it.</summary>
    private async Task<string> RotateAndCommitAsync()
    {
        var newKey = Path.Combine(work.Path, "new-office-key.pem");
        Assert.True(await cli.RunAsync("ledger", "rotate-key", "--new-key", newKey, "--settings", oldSettings) == 0, cli.Output + cli.Errors);
        Assert.Contains(newKey, cli.Output, StringComparison.Ordinal);
        return await RestartOnAsync(newKey, "new");
    }

    /// <summary>Points the office at a key nobody announced (the file swapped by hand), commits and signs with it.</summary>
    private Task<string> SwapKeyAndCommitAsync() => RestartOnAsync(Path.Combine(work.Path, "forged-key.pem"), "forged");

    private async Task<string> RestartOnAsync(string keyPath, string name)
    {
        await desk.DisposeAsync();
        var settings = LedgerDesk.Settings(data.Path, null);
        desk = await Desk.StartAsync(settings with { Extra = new Dictionary<string, string>(settings.Extra) { ["Ledger:KeyPath"] = keyPath } });
        await LedgerDesk.CommitAsync(desk, 3, 2);
        await LedgerDesk.CheckpointAsync(desk);
        return await SettingsAsync(name, keyPath);
    }

    private async Task<string> ExportAsync(string settings, string name)
    {
        var export = Path.Combine(work.Path, name);
        Assert.True(await cli.RunAsync("ledger", "export", export, "--settings", settings) == 0, cli.Output + cli.Errors);
        return export;
    }

    /// <summary>Another office's desk, started once so its database exists, and its settings file for the command.</summary>
    private async Task<string> OtherOfficeAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(work.Path, "kantor-lain")).FullName;
        await using (await Desk.StartApiOnlyAsync(folder, ("Ledger:OfficeId", "kpu-lain"), ("Ledger:CheckpointInterval", "00:00:00")))
        {
        }

        return await LedgerCli.SettingsFileAsync(work.Path, "kpu-lain", folder, null);
    }

    private async Task<string> SettingsAsync(string name, string keyPath)
    {
        var path = Path.Combine(work.Path, $"{name}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            KPUTRIAGE_DATA_DIR = data.Path,
            Storage = new { Provider = "sqlite" },
            Ledger = new { OfficeId = "kpu-test", KeyPath = keyPath },
        }));
        return path;
    }
}
