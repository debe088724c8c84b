namespace KpuTriage.Core.Triage;

/// <summary>
/// What an engine answers for one letter: the fields, who made them (engine, model, prompt
/// version), and warnings a clerk should read. A non-null <see cref="ManualTriageReason"/>
/// means the engine could not propose and a clerk must triage by hand.
/// </summary>
public sealed record EngineProposal(
    LetterFields Fields,
    string Engine,
    string Model,
    string PromptVersion,
    IReadOnlyList<string> Warnings,
    string? ManualTriageReason = null);
