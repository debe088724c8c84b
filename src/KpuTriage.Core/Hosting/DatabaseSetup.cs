using KpuTriage.Core.Classification;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Llm;
using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Hosting;

/// <summary>
/// Runs before the bus and the redriver start (it is registered first): loads the taxonomy and the classifier's seed set,
/// applies migrations (EF Core takes a lock, so several processes may start together) and
/// creates the first-run accounts, then records in the ledger what was committed before it existed.
/// </summary>
public sealed class DatabaseSetup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // A broken taxonomy file must stop the start, not the first letter.
        var taxonomy = scope.ServiceProvider.GetRequiredService<Taxonomy>();
        CheckFourEyes(scope.ServiceProvider.GetRequiredService<IOptions<ReviewOptions>>().Value, taxonomy);
        scope.ServiceProvider.GetRequiredService<SeedSet>();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
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
            await scope.ServiceProvider.GetRequiredService<PromptVersions>().SeedAsync(PromptFiles.Read(prompts), cancellationToken);
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
