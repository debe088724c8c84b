using System.Text.Json;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// What a draft in shadow proposed for a live letter. Kept apart from <see cref="Proposal"/>:
/// the inbox, the review item and the API read proposals only, so no clerk ever sees it. It is
/// scored against the clerk's decision once the letter is in the register.
/// </summary>
public sealed class ShadowProposal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DocumentId { get; init; }
    public int VersionNumber { get; init; }
    public required string Engine { get; init; }
    public required string Model { get; init; }
    public required string FieldsJson { get; init; }

    /// <summary>Why the draft could not propose (an unfit answer, a refusal), as a clerk would have read it.</summary>
    public string? ManualTriageReason { get; init; }

    public string? Provider { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public long DurationMs { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public LetterFields Fields() => JsonSerializer.Deserialize<LetterFields>(FieldsJson, JsonOptions) ?? new LetterFields();

    public static ShadowProposal From(Guid documentId, int version, EngineProposal answer, TimeSpan took, DateTimeOffset now) => new()
    {
        DocumentId = documentId,
        VersionNumber = version,
        Engine = answer.Engine,
        Model = answer.Model,
        FieldsJson = JsonSerializer.Serialize(answer.Fields, JsonOptions),
        ManualTriageReason = answer.ManualTriageReason,
        Provider = answer.Call?.Provider,
        PromptTokens = answer.Call?.PromptTokens ?? 0,
        CompletionTokens = answer.Call?.CompletionTokens ?? 0,
        DurationMs = (long)took.TotalMilliseconds,
        CreatedAt = now,
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
