using System.Text.Json;

namespace KpuTriage.Core.Triage;

/// <summary>
/// A stored engine answer for one document. Revision counts proposals per document (a
/// clerk may send a letter back for a new one later); (DocumentId, Revision) is unique, so a
/// redelivered message cannot store the same proposal twice.
/// </summary>
public sealed class Proposal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DocumentId { get; init; }
    public int Revision { get; init; }
    public required string Engine { get; init; }
    public required string Model { get; init; }
    public required string PromptVersion { get; init; }
    public required string FieldsJson { get; init; }
    public required string WarningsJson { get; init; }
    public string? ManualTriageReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The language-model provider that saw the letter (Llm:Providers:&lt;name&gt;); null when no model did.</summary>
    public string? Provider { get; init; }

    /// <summary>"cloud" or "on-premises"; null when no model saw the letter.</summary>
    public string? ProviderLocation { get; init; }

    public Guid? ModelCallId { get; init; }

    /// <summary>Tokens this proposal cost; zero when the answer was reused from an earlier identical call.</summary>
    public int PromptTokens { get; init; }

    public int CompletionTokens { get; init; }
    public bool CachedAnswer { get; init; }

    /// <summary>The letter contains text aimed at the AI; the reasons are in <see cref="InjectionSignsJson"/>.</summary>
    public bool InjectionSuspected { get; init; }

    public string InjectionSignsJson { get; init; } = "[]";
    public string DisagreementsJson { get; init; } = "[]";

    public LetterFields Fields() => JsonSerializer.Deserialize<LetterFields>(FieldsJson, JsonOptions) ?? new LetterFields();

    public IReadOnlyList<string> Warnings() => JsonSerializer.Deserialize<List<string>>(WarningsJson) ?? [];

    // Rows written before these columns existed hold "" (the migration's default for a new non-null column).
    public IReadOnlyList<string> InjectionSigns() =>
        InjectionSignsJson is { Length: > 0 } json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];

    public IReadOnlyList<FieldDisagreement> Disagreements() =>
        DisagreementsJson is { Length: > 0 } json ? JsonSerializer.Deserialize<List<FieldDisagreement>>(json, JsonOptions) ?? [] : [];

    public static Proposal From(Guid documentId, int revision, EngineProposal answer, DateTimeOffset now) => new()
    {
        DocumentId = documentId,
        Revision = revision,
        Engine = answer.Engine,
        Model = answer.Model,
        PromptVersion = answer.PromptVersion,
        FieldsJson = JsonSerializer.Serialize(answer.Fields, JsonOptions),
        WarningsJson = JsonSerializer.Serialize(answer.Warnings),
        ManualTriageReason = answer.ManualTriageReason,
        CreatedAt = now,
        Provider = answer.Call?.Provider,
        ProviderLocation = answer.Call?.Location,
        ModelCallId = answer.Call?.CallId,
        PromptTokens = answer.Call?.PromptTokens ?? 0,
        CompletionTokens = answer.Call?.CompletionTokens ?? 0,
        CachedAnswer = answer.Call?.Cached ?? false,
        InjectionSuspected = answer.InjectionSigns.Count > 0,
        InjectionSignsJson = JsonSerializer.Serialize(answer.InjectionSigns),
        DisagreementsJson = JsonSerializer.Serialize(answer.Disagreements, JsonOptions),
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
