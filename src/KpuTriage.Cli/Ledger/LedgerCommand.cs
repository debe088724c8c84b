using System.CommandLine;
using KpuTriage.Cli.Users;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace KpuTriage.Cli.Ledger;

/// <summary>
/// <c>kputriage ledger …</c>: verify the office's decision ledger (in its database, or an
/// export offline), export it for an auditor, sign a checkpoint now, and store checkpoints
/// received from another office. Exit codes: 0 intact / done, 1 the ledger breaks, 2 cannot run
/// (bad input, missing files, database not ready).
/// </summary>
public static class LedgerCommand
{
    public static Command Build()
    {
        var settings = new Option<string?>("--settings") { Description = CliText.Get("settings-file") };
        var exportFolder = new Option<string?>("--export") { Description = CliText.Get("ledger-verify-export") };
        var checkpointsFile = new Option<string?>("--checkpoints") { Description = CliText.Get("ledger-verify-checkpoints") };
        var pinnedKey = new Option<string?>("--pinned-key") { Description = CliText.Get("ledger-verify-pinned-key") };
        var verify = new Command("verify", CliText.Get("ledger-verify")) { exportFolder, checkpointsFile, pinnedKey, settings };
        verify.SetAction((parse, ct) => parse.GetValue(exportFolder) is { } folder
            ? LedgerVerifyRun.ExportAsync(folder, parse.GetValue(checkpointsFile), parse.GetValue(pinnedKey), parse.GetValue(settings), ct)
            : LedgerVerifyRun.DatabaseAsync(parse.GetValue(settings), ct));

        var folderArgument = new Argument<string>("folder") { Description = CliText.Get("ledger-export-folder") };
        var export = new Command("export", CliText.Get("ledger-export")) { folderArgument, settings };
        export.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), async services =>
        {
            var folder = Path.GetFullPath(parse.GetValue(folderArgument)!);
            var count = await services.GetRequiredService<LedgerExport>().WriteAsync(folder, ct);
            Console.Out.WriteLine(CliText.Get("ledger-exported", count, folder));
            return 0;
        }, ct));

        var checkpoint = new Command("checkpoint", CliText.Get("ledger-checkpoint")) { settings };
        checkpoint.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), async services =>
        {
            var signer = services.GetRequiredService<CheckpointSigner>();
            var signed = await signer.SignHeadAsync(ct);
            var published = await signer.PublishPendingAsync(ct);
            Console.Out.WriteLine(signed is null ? CliText.Get("ledger-checkpoint-none") : CliText.Get("ledger-checkpoint-signed", signed.Sequence, signed.KeyId));
            Console.Out.WriteLine(CliText.Get("ledger-checkpoint-published", published));
            return 0;
        }, ct));

        var newKey = new Option<string>("--new-key") { Description = CliText.Get("ledger-rotate-new-key"), Required = true };
        var rotate = new Command("rotate-key", CliText.Get("ledger-rotate-key")) { newKey, settings };
        rotate.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), async services =>
        {
            var path = Path.GetFullPath(parse.GetValue(newKey)!);
            var announced = await services.GetRequiredService<KeyRotation>().RotateAsync(path, Actor, ct);
            Console.Out.WriteLine(CliText.Get("ledger-rotated", announced.KeyId, announced.Sequence, OfficeKey.IdOf(Convert.FromBase64String(announced.NextKey!)), path));
            return 0;
        }, ct));

        var keyFile = new Argument<string>("file") { Description = CliText.Get("ledger-new-key-file") };
        var makeKey = new Command("new-key", CliText.Get("ledger-new-key")) { keyFile };
        makeKey.SetAction(parse => NewKey(parse.GetValue(keyFile)!));

        var importFile = new Argument<string?>("file") { Description = CliText.Get("ledger-import-file"), Arity = ArgumentArity.ZeroOrOne };
        var queue = new Option<string?>("--queue") { Description = CliText.Get("ledger-import-queue") };
        var broker = new Option<string?>("--rabbitmq") { Description = CliText.Get("ledger-import-rabbitmq") };
        var import = new Command("import-checkpoints", CliText.Get("ledger-import")) { importFile, queue, broker, settings };
        import.SetAction((parse, ct) => RunAsync(parse.GetValue(settings), services =>
            CheckpointImportRun.RunAsync(services, parse.GetValue(importFile), parse.GetValue(queue), parse.GetValue(broker), ct), ct));

        return new Command("ledger", CliText.Get("ledger")) { verify, export, checkpoint, rotate, makeKey, import };
    }

    /// <summary>Opens the office and runs one ledger task; a refusal becomes its message and exit code 2.</summary>
    internal static async Task<int> RunAsync(string? settings, Func<IServiceProvider, Task<int>> action, CancellationToken ct)
    {
        try
        {
            using var host = await OfficeHost.OpenAsync(settings, ct);
            await using var scope = host.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or UnauthorizedAccessException or OptionsValidationException)
        {
            await Console.Error.WriteLineAsync(CliText.Get("ledger-failed", e.Message));
            return 2;
        }
    }

    /// <summary>A first key for an office whose hosts read it from a read-only place (a compose secret, a systemd credential): no database needed.</summary>
    private static int NewKey(string file)
    {
        try
        {
            using var key = OfficeKey.MakeNew(file, NullLogger.Instance);
            Console.Out.WriteLine(CliText.Get("ledger-new-key-made", key.KeyId, key.Path));
            Console.Out.Write(key.PublicKeyPem());
            Console.Out.WriteLine();
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(CliText.Get("ledger-failed", e.Message));
            return 2;
        }
    }

    internal static string Actor => UsersCommand.Actor;

    /// <summary>Checkpoints of <paramref name="office"/> that this office received and holds, under the key pinned when the first arrived.</summary>
    internal static async Task<List<TrustedCheckpoint>> HeldCheckpointsAsync(TriageDb db, string office, CancellationToken ct)
    {
        var held = await db.LedgerCheckpoints.AsNoTracking().Where(c => c.Office == office && c.Imported).OrderBy(c => c.Sequence).ToListAsync(ct);
        return held.Select(c => new TrustedCheckpoint(
            c.ToMessage(), Convert.FromBase64String(c.PublicKey), $"key {c.KeyId} as first received here", $"held here, received from {c.ReceivedFrom}")).ToList();
    }
}
