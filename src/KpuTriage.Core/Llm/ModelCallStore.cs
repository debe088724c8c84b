using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Core.Llm;

/// <summary>
/// Reads and writes <see cref="ModelCall"/>s in a scope of their own: a paid answer is
/// committed the moment it arrives, whatever later happens to the proposal's transaction.
/// </summary>
public sealed class ModelCallStore(IServiceScopeFactory scopes)
{
    public async Task<ModelCall?> FindAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
        return await db.ModelCalls.AsNoTracking().Where(c => c.CacheKey == cacheKey).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task SaveAsync(ModelCall call, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
        db.ModelCalls.Add(call);
        await db.SaveChangesAsync(cancellationToken);
    }
}
