using System.Globalization;
using System.Text.Json.Nodes;
using KpuTriage.Core.Ledger;

namespace KpuTriage.Core.Prompts;

/// <summary>What the ledger records of a prompt version's life: who made, promoted or rolled back which version, and on what evidence.</summary>
public static class PromptPayload
{
    public const string Promote = "promote";
    public const string RollBack = "rollback";

    public static LedgerRecord Edited(PromptVersion draft, string author) => new(LedgerKinds.PromptEdit, Subject(draft), new JsonObject
    {
        ["version"] = draft.Number,
        ["parent"] = draft.ParentNumber,
        ["promptVersion"] = draft.Label,
        ["by"] = author,
    });

    public static LedgerRecord Promoted(PromptVersion draft, PromptVersion active, string admin, PromotionEvidence evidence, Guid replay, double tolerance) =>
        new(LedgerKinds.PromptPromotion, Subject(draft), new JsonObject
        {
            ["action"] = Promote,
            ["version"] = draft.Number,
            ["promptVersion"] = draft.Label,
            ["author"] = draft.Author,
            ["replaces"] = active.Number,
            ["by"] = admin,
            ["replay"] = replay.ToString(),
            // The ledger holds integers only: the tolerance as the text it was configured as.
            ["tolerance"] = tolerance.ToString(CultureInfo.InvariantCulture),
            ["fields"] = new JsonArray([.. evidence.Active.Fields.Select(before => (JsonNode)new JsonObject
            {
                ["field"] = before.Field,
                ["letters"] = before.Letters,
                ["activeCorrect"] = before.Correct,
                ["draftCorrect"] = evidence.Draft.Fields.First(f => f.Field == before.Field).Correct,
            })]),
        });

    public static LedgerRecord RolledBack(PromptVersion target, PromptVersion active, string admin) =>
        new(LedgerKinds.PromptPromotion, Subject(target), new JsonObject
        {
            ["action"] = RollBack,
            ["version"] = target.Number,
            ["promptVersion"] = target.Label,
            ["replaces"] = active.Number,
            ["by"] = admin,
        });

    private static string Subject(PromptVersion version) => $"prompt version {version.Number} ({version.Label})";
}
