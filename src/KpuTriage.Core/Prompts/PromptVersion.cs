using System.Text.Json;
using KpuTriage.Core.Llm;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// One immutable version of the prompts and the taxonomy, numbered 1, 2, … Its text never
/// changes once stored (an edit makes a new draft, and the database context refuses to save
/// any other change than its <see cref="State"/>); the hash is the one proposals record as
/// <c>triage@&lt;hash&gt;</c>.
/// </summary>
public sealed class PromptVersion
{
    /// <summary>The author of the version seeded from the prompts folder on the first start.</summary>
    public const string FilesAuthor = "prompts-folder";

    public int Number { get; init; }

    /// <summary>The version this one was edited from; null for version 1.</summary>
    public int? ParentNumber { get; init; }

    /// <summary>The admin who made it (<see cref="FilesAuthor"/> for the seed).</summary>
    public required string Author { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public PromptVersionState State { get; private set; }

    /// <summary><see cref="PromptFiles.Hash"/> of the text below.</summary>
    public required string Hash { get; init; }

    /// <summary>llm/system.md.</summary>
    public required string SystemPrompt { get; init; }

    /// <summary>llm/user.md.</summary>
    public required string UserTemplate { get; init; }

    /// <summary>The few-shot files (relative path under llm/ → text) as a JSON object.</summary>
    public required string ExamplesJson { get; init; }

    /// <summary>taxonomy.yaml.</summary>
    public required string Taxonomy { get; init; }

    /// <summary>Unified diff against the parent, computed when the version was made; empty for version 1.</summary>
    public required string Diff { get; init; }

    /// <summary>
    /// Since when this draft runs in shadow beside the active version on live letters; null when
    /// it does not. Its proposals are stored apart and never shown to clerks (<see cref="ShadowProposal"/>).
    /// </summary>
    public DateTimeOffset? ShadowSince { get; private set; }

    /// <summary>The admin who started the shadow run.</summary>
    public string? ShadowBy { get; private set; }

    /// <summary>What proposals record: "triage@&lt;hash&gt;".</summary>
    public string Label => $"{PromptSet.Name}@{Hash}";

    public static PromptVersion Create(int number, PromptVersion? parent, string author, DateTimeOffset now, PromptFiles files, PromptVersionState state)
    {
        var examples = files.LlmFiles.Where(f => f.Key.StartsWith(PromptFiles.ExamplesFolder, StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value);
        return new PromptVersion
        {
            Number = number,
            ParentNumber = parent?.Number,
            Author = author,
            CreatedAt = now,
            State = state,
            Hash = files.Hash,
            SystemPrompt = files.LlmFiles.GetValueOrDefault(PromptFiles.SystemFile, ""),
            UserTemplate = files.LlmFiles.GetValueOrDefault(PromptFiles.UserFile, ""),
            ExamplesJson = JsonSerializer.Serialize(examples),
            Taxonomy = files.Taxonomy,
            Diff = parent is null ? "" : PromptDiff.Between(parent.Files(), files),
        };
    }

    public PromptFiles Files()
    {
        var files = JsonSerializer.Deserialize<Dictionary<string, string>>(ExamplesJson) ?? [];
        files[PromptFiles.SystemFile] = SystemPrompt;
        files[PromptFiles.UserFile] = UserTemplate;
        return new PromptFiles(files, Taxonomy);
    }

    internal void Activate()
    {
        State = PromptVersionState.Active;
        StopShadow();
    }

    internal void StartShadow(string admin, DateTimeOffset now)
    {
        ShadowSince = now;
        ShadowBy = admin;
    }

    internal void StopShadow()
    {
        ShadowSince = null;
        ShadowBy = null;
    }

    internal void Retire() => State = PromptVersionState.Retired;
}
