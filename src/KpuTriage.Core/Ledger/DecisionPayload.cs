using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KpuTriage.Core.Register;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// What a decision's ledger entry holds, built from the committed register record and what it
/// came from: the document's hash, the extracted text's hash, the proposal (its id, revision,
/// engine, model, prompt version and the hash of its stored fields), the final values, the
/// disposition, the clerks and the diff. The verifier builds the same payload again from the
/// database and compares, so this one function defines both sides.
/// </summary>
public static class DecisionPayload
{
    /// <summary>The hash of a stored text or JSON column, as the ledger pins it.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static LedgerRecord Record(RegisterEntry entry, string documentSha256, string? pagesJson, int? proposalRevision, string? proposalFieldsJson) =>
        new(LedgerKinds.Decision, entry.AgendaLabel, Build(entry, documentSha256, pagesJson, proposalRevision, proposalFieldsJson));

    /// <param name="pagesJson">The stored extracted text (<c>DocumentText.PagesJson</c>); its hash is kept.</param>
    /// <param name="proposalFieldsJson">The stored proposal's fields (<c>Proposal.FieldsJson</c>, with confidences and evidence); its hash is kept.</param>
    public static JsonObject Build(RegisterEntry entry, string documentSha256, string? pagesJson, int? proposalRevision, string? proposalFieldsJson) => new()
    {
        ["registerEntryId"] = entry.Id.ToString(),
        ["documentId"] = entry.DocumentId.ToString(),
        ["agendaNumber"] = entry.AgendaLabel,
        ["documentSha256"] = documentSha256,
        ["textSha256"] = pagesJson is null ? null : Sha256(pagesJson),
        ["proposal"] = entry.ProposalId is { } proposalId
            ? new JsonObject
            {
                ["id"] = proposalId.ToString(),
                ["revision"] = proposalRevision,
                ["engine"] = entry.Engine,
                ["model"] = entry.Model,
                ["promptVersion"] = entry.PromptVersion,
                ["fieldsSha256"] = proposalFieldsJson is null ? null : Sha256(proposalFieldsJson),
            }
            : null,
        ["final"] = new JsonObject
        {
            ["letterNumber"] = entry.LetterNumber,
            ["letterDate"] = entry.LetterDate,
            ["sender"] = entry.Sender,
            ["perihal"] = entry.Perihal,
            ["urgency"] = entry.Urgency,
            ["security"] = entry.Security,
            ["letterType"] = entry.LetterType,
            ["register"] = entry.Register,
            ["unit"] = entry.Unit,
            ["archiveCode"] = entry.ArchiveCode,
            ["summary"] = entry.Summary,
        },
        ["disposition"] = new JsonObject
        {
            ["actions"] = entry.DispositionActions,
            ["note"] = entry.DispositionNote,
            ["deadline"] = entry.DispositionDeadline,
        },
        ["clerks"] = new JsonObject
        {
            ["decidedBy"] = entry.DecidedBy,
            ["decidedAt"] = LedgerTime.Format(entry.DecidedAt),
            ["coApprovedBy"] = entry.CoApprovedBy,
            ["coApprovedAt"] = LedgerTime.Format(entry.CoApprovedAt),
        },
        ["diff"] = JsonNode.Parse(entry.DiffJson),
    };
}
