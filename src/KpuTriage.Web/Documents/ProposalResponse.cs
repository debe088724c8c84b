using KpuTriage.Core.Triage;

namespace KpuTriage.Web.Documents;

/// <summary>A proposal as the API shows it: each field with value, confidence, evidence and a low-confidence flag.</summary>
public sealed record ProposalResponse(
    Guid Id, int Revision, string Engine, string Model, string PromptVersion,
    IReadOnlyDictionary<string, FieldResponse> Fields, IReadOnlyList<string> Warnings, string? ManualTriageReason, DateTimeOffset CreatedAt)
{
    public static ProposalResponse From(Proposal proposal) => new(
        proposal.Id, proposal.Revision, proposal.Engine, proposal.Model, proposal.PromptVersion,
        proposal.Fields().Named().ToDictionary(f => f.Key, f => new FieldResponse(f.Value.Value, f.Value.Confidence, f.Value.IsLowConfidence, f.Value.Evidence)),
        proposal.Warnings(), proposal.ManualTriageReason, proposal.CreatedAt);
}
