using KpuTriage.Core.Triage;

namespace KpuTriage.Web.Documents;

/// <summary>
/// A proposal as the API shows it: each field with value, confidence, evidence and a
/// low-confidence flag; which language model saw the letter (provider, cloud or on-premises)
/// and its tokens; text in the letter aimed at the AI; and where the model and the parser
/// disagree, both values.
/// </summary>
public sealed record ProposalResponse(
    Guid Id, int Revision, string Engine, string Model, string PromptVersion,
    IReadOnlyDictionary<string, FieldResponse> Fields, IReadOnlyList<string> Warnings, string? ManualTriageReason, DateTimeOffset CreatedAt,
    string? Provider, string? ProviderLocation, int PromptTokens, int CompletionTokens, bool CachedAnswer,
    bool InjectionSuspected, IReadOnlyList<string> InjectionSigns, IReadOnlyList<FieldDisagreement> Disagreements)
{
    public static ProposalResponse From(Proposal proposal) => new(
        proposal.Id, proposal.Revision, proposal.Engine, proposal.Model, proposal.PromptVersion,
        proposal.Fields().Named().ToDictionary(f => f.Key, f => new FieldResponse(f.Value.Value, f.Value.Confidence, f.Value.IsLowConfidence, f.Value.Evidence)),
        proposal.Warnings(), proposal.ManualTriageReason, proposal.CreatedAt,
        proposal.Provider, proposal.ProviderLocation, proposal.PromptTokens, proposal.CompletionTokens, proposal.CachedAnswer,
        proposal.InjectionSuspected, proposal.InjectionSigns(), proposal.Disagreements());
}
