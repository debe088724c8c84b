using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;
using KpuTriage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Prompts;

/// <summary>A desk on a spec's own storage, with its prompt versions at hand: what the prompt specs share.</summary>
internal static class PromptDesk
{
    public static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "prompts");

    public static Task<Desk> StartAsync(string dataDirectory, string? postgres, double tolerance = 0.02, string? prompts = null) =>
        Desk.StartAsync(new DeskSettings
        {
            DataDirectory = dataDirectory,
            PostgresConnectionString = postgres,
            Extra = new Dictionary<string, string>
            {
                ["Ledger:CheckpointInterval"] = "00:00:00",
                ["Prompts:PromotionTolerance"] = tolerance.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Prompts:Directory"] = prompts ?? Shipped,
            },
        });

    /// <summary>A copy of the shipped prompts folder that a spec may edit, without the development set (a spec writes its own).</summary>
    public static void CopyShipped(string target)
    {
        foreach (var path in Directory.EnumerateFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            if (Path.GetRelativePath(Shipped, path).StartsWith("eval", StringComparison.Ordinal))
            {
                continue;
            }

            var copy = Path.Combine(target, Path.GetRelativePath(Shipped, path));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(path, copy);
        }
    }

    public static async Task<T> WithVersionsAsync<T>(this Desk desk, Func<PromptVersions, Task<T>> use)
    {
        await using var scope = desk.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<PromptVersions>());
    }

    /// <summary>The shipped files with one more line in the system prompt: a real, usable edit.</summary>
    public static PromptFiles Edited(string line)
    {
        var shipped = PromptFiles.Read(Shipped);
        var files = shipped.LlmFiles.ToDictionary();
        files[PromptFiles.SystemFile] += "\n" + line + "\n";
        return new PromptFiles(files, shipped.Taxonomy);
    }

    /// <summary>
    /// Stores a finished replay run whose scores are the evidence given, as if a replay had
    /// counted them: what the promotion gate reads.
    /// </summary>
    public static async Task<ReplayRun> ReplayedAsync(this Desk desk, PromotionEvidence evidence)
    {
        var now = DateTimeOffset.UtcNow;
        var run = ReplayRun.Queue(evidence.Draft.Version, evidence.Active.Version, "test-replay", now, 50, 1);
        run.Finish(new ReplayResult(VersionReplay.From(evidence.Draft, []), VersionReplay.From(evidence.Active, []), 50, 0, null, []), now);
        await desk.QueryAsync(db =>
        {
            db.ReplayRuns.Add(run);
            return db.SaveChangesAsync();
        });
        return run;
    }

    public static PromotionEvidence Evidence(int draft, int active, params (string Field, int Letters, int ActiveCorrect, int DraftCorrect)[] fields) =>
        new(new ReplayScores(draft, [.. fields.Select(f => new FieldTally(f.Field, f.Letters, f.DraftCorrect))]),
            new ReplayScores(active, [.. fields.Select(f => new FieldTally(f.Field, f.Letters, f.ActiveCorrect))]));
}
