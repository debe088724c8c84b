using KpuTriage.Core.Classification;
using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KpuTriage.Core.Hosting;

/// <summary>
/// Runs before the bus and the redriver start (it is registered first): loads the taxonomy and the classifier's seed set,
/// applies migrations (EF Core takes a lock, so several processes may start together) and
/// creates the first-run accounts.
/// </summary>
public sealed class DatabaseSetup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        // A broken taxonomy file must stop the start, not the first letter.
        scope.ServiceProvider.GetRequiredService<Taxonomy>();
        scope.ServiceProvider.GetRequiredService<SeedSet>();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the desk read while a stage writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await scope.ServiceProvider.GetRequiredService<FirstRunSetup>().RunAsync(Console.Out, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
