using System.CommandLine;
using KpuTriage.Cli.Ledger;
using KpuTriage.Core.Blobs;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Cli.Blobs;

/// <summary>
/// <c>kputriage blobs migrate</c>: moves an office's files from its data folder into PostgreSQL
/// (<see cref="BlobMigration"/>). Exit codes: 0 every file is in the database, whole, and no
/// document lacks one; 1 some file is damaged or some document has none; 2 cannot run.
/// </summary>
public static class BlobsCommand
{
    // A line of progress per this many files: a large office's run takes a while.
    private const int ProgressEvery = 500;

    public static Command Build()
    {
        var settings = new Option<string?>("--settings") { Description = CliText.Get("settings-file") };
        var migrate = new Command("migrate", CliText.Get("blobs-migrate")) { settings };
        migrate.SetAction((parse, ct) => LedgerCommand.RunAsync(parse.GetValue(settings), services => MigrateAsync(services, ct), ct));
        return new Command("blobs", CliText.Get("blobs")) { migrate };
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var migration = services.GetService<BlobMigration>() ?? throw new InvalidOperationException(CliText.Get("blobs-need-postgres"));
        var report = await migration.RunAsync(
            (done, total) =>
            {
                if (done % ProgressEvery == 0 || done == total)
                {
                    Console.Out.WriteLine(CliText.Get("blobs-progress", done, total));
                }
            },
            ct);
        Console.Out.WriteLine(CliText.Get("blobs-moved", migration.Folder, report.Found, report.Stored, report.BytesStored.ToString("N0", CliText.Culture),
            report.AlreadyThere, report.Repaired, report.Damaged.Count));
        foreach (var path in report.Damaged)
        {
            Console.Out.WriteLine(CliText.Get("blobs-damaged", path));
        }

        if (report.DocumentsWithoutBlob > 0)
        {
            Console.Out.WriteLine(CliText.Get("blobs-documents-without", report.DocumentsWithoutBlob));
        }

        if (!report.Complete)
        {
            return 1;
        }

        Console.Out.WriteLine(CliText.Get("blobs-complete", migration.Folder));
        return 0;
    }
}
