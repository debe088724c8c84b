using KpuTriage.Core.Classification;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Llm;
using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Hosting;

/// <summary>
/// Runs before the bus and the redriver start (it is registered first): loads the taxonomy and the classifier's seed set,
/// applies migrations and
/// creates the first-run accounts, then records in the ledger what was committed before it existed;
/// hosts starting together on one database take turns (<see cref="StartupLock"/>).
/// </summary>
public sealed class DatabaseSetup(IServiceScopeFactory scopes, ILogger<DatabaseSetup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // A broken taxonomy file must stop the start, not the first letter.
        var taxonomy = scope.ServiceProvider.GetRequiredService<Taxonomy>();
        CheckFourEyes(scope.ServiceProvider.GetRequiredService<IOptions<ReviewOptions>>().Value, taxonomy);
        scope.ServiceProvider.GetRequiredService<SeedSet>();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
        await using var setupLock = await StartupLock.TakeAsync(scope.ServiceProvider.GetService<Npgsql.NpgsqlDataSource>(), cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the desk read while a stage writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<FirstRunSetup>().RunAsync(Console.Out, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<LedgerBackfill>().RunAsync(cancellationToken);
        // A prompts folder with only the taxonomy serves the local engine: nothing to version.
        var prompts = scope.ServiceProvider.GetRequiredService<PromptFolder>().Path;
        if (PromptFiles.ExistIn(prompts))
        {
            await TakePromptFolderAsync(scope.ServiceProvider.GetRequiredService<PromptVersions>(), prompts, cancellationToken);
        }
    }

    private async Task TakePromptFolderAsync(PromptVersions versions, string prompts, CancellationToken ct)
    {
        try
        {
            if (await versions.TakeFolderAsync(PromptFiles.Read(prompts), ct) is { Number: > 1 } draft)
            {
                log.LogWarning(
                    "The prompt files in {Folder} differ from every stored prompt version: they are now draft version {Number} ({Label}). The model is still sent the active version until an admin promotes the draft.",
                    prompts, draft.Number, draft.Label);
            }
        }
        catch (RefusedException e)
        {
            // The active version still works: an unusable edit of the files must not stop the office.
            log.LogWarning("The prompt files in {Folder} were not stored as a draft: {Reason}", prompts, e.Message);
        }
    }

    // A misspelt class would silently let rahasia letters through with one pair of eyes.
    private static void CheckFourEyes(ReviewOptions review, Taxonomy taxonomy)
    {
        if (review.FourEyes.SecurityCodes().FirstOrDefault(c => !taxonomy.Allows("security", c)) is { } unknown)
        {
            throw new InvalidOperationException(
                $"Review:FourEyes:Security names '{unknown}', which is not a security code of the taxonomy ({string.Join(", ", taxonomy.SecurityCodes)}).");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
