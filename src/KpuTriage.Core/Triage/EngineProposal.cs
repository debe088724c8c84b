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
    string? ManualTriageReason = null)
{
    /// <summary>The language-model call behind the proposal; null for the local engine.</summary>
    public ModelUse? Call { get; init; }

    /// <summary>Why the letter looks like it speaks to the AI ("ignore previous instructions", fake JSON…); empty when it does not.</summary>
    public IReadOnlyList<string> InjectionSigns { get; init; } = [];

    /// <summary>Fields where the model and the parser disagree.</summary>
    public IReadOnlyList<FieldDisagreement> Disagreements { get; init; } = [];
}
