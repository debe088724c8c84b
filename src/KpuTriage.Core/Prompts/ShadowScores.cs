using KpuTriage.Core.Evaluation;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Prompts;

/// <summary>
/// How a draft in shadow did against the clerks: on every letter it proposed for that a clerk has
/// since decided, each field of the draft's proposal and of the live proposal the clerk reviewed,
/// compared with the register's final value (exactly, as the register would hold it unedited),
/// on the fields a replay scores (<see cref="GoldLetter.Fields"/>), so shadow and replay speak of the same fields.
/// </summary>
public static class ShadowScores
{
    public static async Task<ShadowReport> ForAsync(TriageDb db, int version, CancellationToken ct)
    {
        var shadows = await db.ShadowProposals.AsNoTracking().Where(s => s.VersionNumber == version).ToListAsync(ct);
        var ids = shadows.Select(s => s.DocumentId).ToList();
        var entries = await db.Register.AsNoTracking().Where(e => ids.Contains(e.DocumentId)).ToListAsync(ct);
        var proposalIds = entries.Where(e => e.ProposalId != null).Select(e => e.ProposalId!.Value).ToList();
        var live = await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var byDocument = shadows.ToDictionary(s => s.DocumentId);
        var letters = 0;
        var shadowRight = GoldLetter.Fields.ToDictionary(f => f, _ => 0);
        var liveRight = GoldLetter.Fields.ToDictionary(f => f, _ => 0);
        foreach (var entry in entries)
        {
            if (entry.ProposalId is not { } proposalId || !live.TryGetValue(proposalId, out var reviewed))
            {
                // Registered by hand from manual triage: no live proposal to compare with.
                continue;
            }

            letters++;
            var shadowFields = byDocument[entry.DocumentId].Fields().Named().ToDictionary(f => f.Key, f => f.Value.Value);
            var liveFields = reviewed.Fields().Named().ToDictionary(f => f.Key, f => f.Value.Value);
            foreach (var field in GoldLetter.Fields)
            {
                var final = entry.Value(field);
                shadowRight[field] += Agrees(field, final, shadowFields.GetValueOrDefault(field)) ? 1 : 0;
                liveRight[field] += Agrees(field, final, liveFields.GetValueOrDefault(field)) ? 1 : 0;
            }
        }

        return new ShadowReport(
            version,
            shadows.Count,
            letters,
            [.. GoldLetter.Fields.Select(f => new ShadowFieldScore(f, letters, shadowRight[f], liveRight[f]))],
            shadows.Sum(s => s.PromptTokens),
            shadows.Sum(s => s.CompletionTokens),
            shadows.Count == 0 ? null : shadows.Average(s => s.DurationMs),
            shadows.Count(s => s.ManualTriageReason is not null));
    }

    private static bool Agrees(string field, string? final, string? proposed) => FieldComparison.Compare(field, final, proposed).Exact;
}
