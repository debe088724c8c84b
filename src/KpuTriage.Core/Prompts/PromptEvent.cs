using System.Text.Json.Nodes;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Prompts;

/// <summary>One change to the prompt versions as the ledger recorded it: an edit, a promotion or a rollback, by whom and when.</summary>
public sealed record PromptEvent(long Sequence, DateTimeOffset At, string Action, int Version, int? Replaced, string By)
{
    public const string Edit = "edit";

    /// <summary>The newest changes first, read from the ledger — the record nobody can quietly rewrite.</summary>
    public static async Task<IReadOnlyList<PromptEvent>> RecentAsync(TriageDb db, int count, CancellationToken ct)
    {
        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.Kind == LedgerKinds.PromptEdit || e.Kind == LedgerKinds.PromptPromotion)
            .OrderByDescending(e => e.Sequence)
            .Take(count)
            .ToListAsync(ct);
        return [.. entries.Select(e =>
        {
            var payload = JsonNode.Parse(e.PayloadJson)!;
            var action = e.Kind == LedgerKinds.PromptEdit ? Edit : (string?)payload["action"] ?? PromptPayload.Promote;
            return new PromptEvent(e.Sequence, e.RecordedAt, action, (int?)payload["version"] ?? 0, (int?)payload["replaces"], (string?)payload["by"] ?? "");
        })];
    }
}
