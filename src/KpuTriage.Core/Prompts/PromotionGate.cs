using KpuTriage.Core.Refusals;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// The rule a promotion must pass: another admin than the author promotes, on evidence that
/// compares this draft with the version active now, field by field on the same letters, and
/// no field of the draft is worse than the active version's by more than the tolerance.
/// </summary>
public static class PromotionGate
{
    // Shares are ratios of small integers: a drop of exactly the tolerance must not fail on rounding.
    private const double Slack = 1e-9;

    /// <returns>Why the draft may not be promoted, or null when it may.</returns>
    public static Refusal? Judge(PromptVersion draft, PromptVersion active, string promoter, PromotionEvidence evidence, double tolerance)
    {
        if (string.Equals(draft.Author, promoter, StringComparison.OrdinalIgnoreCase))
        {
            return PromptRefusals.OwnDraft(draft.Number);
        }

        if (evidence.Draft.Version != draft.Number || evidence.Active.Version != active.Number)
        {
            return PromptRefusals.EvidenceForOtherVersions(evidence.Draft.Version, evidence.Active.Version, draft.Number, active.Number);
        }

        if (evidence.Active.Fields.Count == 0)
        {
            return PromptRefusals.NoEvidence();
        }

        var drafted = evidence.Draft.Fields.ToDictionary(f => f.Field, StringComparer.Ordinal);
        var worse = new List<string>();
        foreach (var before in evidence.Active.Fields)
        {
            if (!drafted.TryGetValue(before.Field, out var after) || after.Letters != before.Letters)
            {
                return PromptRefusals.NotComparable(before.Field);
            }

            if (before.Share is { } was && after.Share is { } now && now < was - tolerance - Slack)
            {
                worse.Add($"{before.Field} {was:P0} → {now:P0}");
            }
        }

        return worse.Count > 0 ? PromptRefusals.WorseFields(worse, tolerance) : null;
    }
}
