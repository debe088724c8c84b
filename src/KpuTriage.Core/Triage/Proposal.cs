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

    public LetterFields Fields() => JsonSerializer.Deserialize<LetterFields>(FieldsJson, JsonOptions) ?? new LetterFields();

    public IReadOnlyList<string> Warnings() => JsonSerializer.Deserialize<List<string>>(WarningsJson) ?? [];

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
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
