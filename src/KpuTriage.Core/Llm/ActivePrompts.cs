using KpuTriage.Core.Persistence;
using KpuTriage.Core.Prompts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Core.Llm;

/// <summary>
/// What the engine sends: the prompt version active in the database now, not the files. It is
/// looked up for every letter (one indexed row; a model call takes seconds), so a promotion or a
/// rollback by any process takes effect with the next letter in every process; the version's
/// prompts are built once and kept until another version becomes active.
/// </summary>
public sealed class ActivePrompts(IServiceScopeFactory scopes, LlmOptions options)
{
    private volatile ActivePrompt? built;

    /// <exception cref="InvalidOperationException">No version is active: the first start seeds one from the prompts folder.</exception>
    public async Task<ActivePrompt> CurrentAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDb>();
        var number = await db.PromptVersions.Where(v => v.State == PromptVersionState.Active).Select(v => (int?)v.Number).SingleOrDefaultAsync(ct)
            ?? throw new InvalidOperationException(
                $"no prompt version is active: the first start stores one from {PromptSet.Folder}/ of the prompts folder (Prompts:Directory), and that folder has none.");
        if (built is { } known && known.Number == number)
        {
            return known;
        }

        var version = await db.PromptVersions.AsNoTracking().SingleAsync(v => v.Number == number, ct);
        var active = ActivePrompt.From(version, options);
        built = active;
        return active;
    }
}
