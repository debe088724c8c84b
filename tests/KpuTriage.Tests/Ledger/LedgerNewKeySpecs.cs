using System.Text.RegularExpressions;
using KpuTriage.Core.Ledger;
using KpuTriage.Tests.Cli;
using KpuTriage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace KpuTriage.Tests.Ledger;

/// <summary>
/// Where the hosts read the ledger key from a read-only place (a compose secret, a systemd
/// credential, a Kubernetes Secret) they cannot make it on a first start: an administrator makes
/// it beforehand with <c>kputriage ledger new-key</c>, and a host that finds neither the key nor a
/// way to make it says so, naming the setting and the command.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class LedgerNewKeySpecs : IDisposable
{
    private readonly TempDirectory work = new();
    private readonly LedgerCli cli = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public async Task Should_make_a_key_only_its_owner_reads_when_new_key_is_run_without_a_database()
    {
        var path = Path.Combine(work.Path, "secrets", "office-key.pem");

        var exitCode = await cli.RunAsync("ledger", "new-key", path);

        Assert.True(exitCode == 0, cli.Output + cli.Errors);
        using var key = OfficeKey.LoadOrCreate(path, NullLogger.Instance);
        Assert.Equal(key.KeyId, KeyMade().Match(cli.Output).Groups["id"].Value);
        Assert.Contains(key.PublicKeyPem(), cli.Output, StringComparison.Ordinal);
        Assert.False(OperatingSystem.IsWindows(), "the key's Unix mode is checked on Linux");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task Should_refuse_and_keep_the_key_when_new_key_is_pointed_at_an_existing_file()
    {
        var path = Path.Combine(work.Path, "office-key.pem");
        Assert.Equal(0, await cli.RunAsync("ledger", "new-key", path));
        var before = await File.ReadAllTextAsync(path);

        var exitCode = await cli.RunAsync("ledger", "new-key", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("rotate-key", cli.Errors, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Should_refuse_to_start_naming_Ledger_KeyPath_and_new_key_when_the_key_is_missing_and_cannot_be_made_there()
    {
        // A folder that cannot be written, as a read-only mount is (the tests run as root, whom
        // permission bits do not stop): the key's "folder" is a file.
        var notAFolder = Path.Combine(work.Path, "secret-mount");
        await File.WriteAllTextAsync(notAFolder, "");
        var keyPath = Path.Combine(notAFolder, "office-key.pem");
        var settings = new DeskSettings
        {
            DataDirectory = Path.Combine(work.Path, "data"),
            Extra = new Dictionary<string, string> { ["Ledger:KeyPath"] = keyPath },
        };

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => Desk.StartAsync(settings));

        Assert.Contains($"Ledger:KeyPath '{keyPath}' does not exist and cannot be made there", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("kputriage ledger new-key", refusal.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(Kunci|Key) (?<id>[0-9a-f]{16}) ")]
    private static partial Regex KeyMade();
}
