using System.Text.Json.Nodes;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// What the ledger holds the prompt versions to, as the verifier walks it: every version an
/// entry names still has the text that entry names (triage@&lt;hash&gt;), every version after the
/// seeded first one has its edit entry, and the version active now is the one the newest
/// promotion or rollback made active (version 1 while there is none).
/// </summary>
internal sealed class PromptLedgerCheck(TriageDb db)
{
    private readonly HashSet<int> edited = [];
    private (long Sequence, int Version)? lastSwitch;

    public async Task AddProblemsAsync(IReadOnlyList<LedgerEntry> page, Dictionary<long, string> problems, CancellationToken ct)
    {
        var entries = page.Where(e => e.Kind is LedgerKinds.PromptEdit or LedgerKinds.PromptPromotion)
            .Select(e => (Entry: e, Payload: JsonNode.Parse(e.PayloadJson)!, Version: (int?)JsonNode.Parse(e.PayloadJson)!["version"] ?? 0))
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        foreach (var (entry, _, version) in entries)
        {
            if (entry.Kind == LedgerKinds.PromptEdit)
            {
                edited.Add(version);
            }
            else
            {
                lastSwitch = (entry.Sequence, version);
            }
        }

        var numbers = entries.Select(e => e.Version).Distinct().ToList();
        var versions = await db.PromptVersions.AsNoTracking().Where(v => numbers.Contains(v.Number)).ToDictionaryAsync(v => v.Number, ct);
        foreach (var (entry, payload, number) in entries)
        {
            var recorded = (string?)payload["promptVersion"];
            if (!versions.TryGetValue(number, out var version))
            {
                problems.TryAdd(entry.Sequence, $"entry {entry.Sequence} ({entry.Kind}) names prompt version {number}, which is gone from the database.");
            }
            else if (version.Label != recorded || version.Files().Hash != version.Hash)
            {
                problems.TryAdd(entry.Sequence,
                    $"entry {entry.Sequence} ({entry.Kind}): prompt version {number} was rewritten — the ledger holds {recorded}, its text now hashes to triage@{version.Files().Hash}.");
            }
        }
    }

    public async Task<LedgerBreak?> AfterWalkAsync(CancellationToken ct)
    {
        var versions = await db.PromptVersions.AsNoTracking().OrderBy(v => v.Number).Select(v => new { v.Number, v.State }).ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.Number > 1 && !edited.Contains(v.Number)) is { } unrecorded)
        {
            return new LedgerBreak(null, $"prompt version {unrecorded.Number} has no ledger entry: it was made around the ledger.");
        }

        var active = versions.Where(v => v.State == PromptVersionState.Active).Select(v => (int?)v.Number).FirstOrDefault();
        var expected = lastSwitch?.Version ?? (versions.Count > 0 ? 1 : null);
        if (active == expected)
        {
            return null;
        }

        var because = lastSwitch is { } last
            ? $"the ledger's last promotion or rollback (entry {last.Sequence}) made version {last.Version} active"
            : "the ledger records no promotion, which leaves version 1 active";
        return new LedgerBreak(lastSwitch?.Sequence, $"prompt version {active?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} is active, but {because}.");
    }
}
