using System.Text.Json;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Review;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Dashboard;

/// <summary>
/// Reads the dashboard's figures from the database. Counts and the backlog are computed in
/// SQL; what falls into which of the office's days is decided here, in memory, over the few
/// columns of the period's rows: a day in Asia/Jakarta (or any zone, DST included) is not
/// something SQLite and PostgreSQL can group alike. The diffs of decided letters are JSON and
/// are read here too; the period is bounded (<see cref="DashboardPeriod.MaxDays"/>).
/// </summary>
public sealed class DeskFigures(TriageDb db, OfficeCalendar calendar, TokenPrices prices, TimeProvider clock)
{
    public async Task<DashboardFigures> ReadAsync(DashboardPeriod period, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (start, end) = (calendar.StartOf(period.From), calendar.StartOf(period.To.AddDays(1)));
        var decided = await DecidedAsync(start, end, ct);
        var received = await db.Documents.AsNoTracking()
            .Where(d => d.ReceivedAt >= start && d.ReceivedAt < end)
            .Select(d => d.ReceivedAt).ToListAsync(ct);
        var calls = await db.ModelCalls.AsNoTracking()
            .Where(c => c.CreatedAt >= start && c.CreatedAt < end)
            .Select(c => new { c.Provider, c.CreatedAt, Prompt = (long)c.PromptTokens, Completion = (long)c.CompletionTokens })
            .ToListAsync(ct);

        var receivedByDay = received.GroupBy(calendar.DayOf).ToDictionary(g => g.Key, g => g.Count());
        var callsByDay = calls.GroupBy(c => calendar.DayOf(c.CreatedAt)).ToDictionary(g => g.Key, g => g.ToList());
        var decidedByDay = decided.ToLookup(d => d.Day);
        var days = period.Days().Select(day =>
        {
            var dayCalls = callsByDay.GetValueOrDefault(day) ?? [];
            var costs = dayCalls.GroupBy(c => c.Provider)
                .Select(g => prices.Cost(g.Key, g.Sum(c => c.Prompt), g.Sum(c => c.Completion))).ToList();
            return new DayFigures(
                day,
                receivedByDay.GetValueOrDefault(day),
                dayCalls.Sum(c => c.Prompt),
                dayCalls.Sum(c => c.Completion),
                costs.Any(c => c is null) ? null : costs.Sum(c => c!.Value),
                Tally(null, null, decidedByDay[day]));
        }).ToList();

        var versionNames = await VersionNamesAsync(ct);
        string VersionName(string label) => versionNames.GetValueOrDefault(label, label);
        return new DashboardFigures(
            period,
            now,
            Tally(null, null, decided),
            Ordered(decided.GroupBy(d => VersionName(d.PromptVersion)).Select(g => Tally(g.Key, null, g))),
            Ordered(decided.GroupBy(d => d.Engine).Select(g => Tally(null, g.Key, g))),
            Ordered(decided.GroupBy(d => (Version: VersionName(d.PromptVersion), d.Engine)).Select(g => Tally(g.Key.Version, g.Key.Engine, g))),
            days,
            await BacklogAsync(now, ct),
            prices.Currency);
    }

    private sealed record Decided(DateOnly Day, string PromptVersion, string Engine, IReadOnlySet<string> Corrected);

    /// <summary>
    /// Letters committed in the period on a machine proposal. A letter decided without one
    /// (manual triage with nothing proposed) says nothing about the machine and is left out.
    /// </summary>
    private async Task<List<Decided>> DecidedAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var rows = await db.Register.AsNoTracking()
            .Where(e => e.DecidedAt >= start && e.DecidedAt < end && e.ProposalId != null)
            .Select(e => new { e.DecidedAt, e.PromptVersion, e.Engine, e.DiffJson })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Decided(calendar.DayOf(r.DecidedAt), r.PromptVersion ?? "", r.Engine ?? "", CorrectedFields(r.DiffJson)))];
    }

    private static HashSet<string> CorrectedFields(string diffJson)
    {
        using var diff = JsonDocument.Parse(diffJson);
        return diff.RootElement.EnumerateObject().Select(p => p.Name).Where(FinalValues.FieldNames.Contains).ToHashSet(StringComparer.Ordinal);
    }

    private static AgreementTally Tally(string? promptVersion, string? engine, IEnumerable<Decided> letters)
    {
        // One pass over each letter's few corrected fields (Corrected holds scored fields only),
        // not a set lookup per letter and scored field: over a year, five tallies of every letter.
        var corrected = AgreementTally.Fields.ToDictionary(f => f, _ => 0);
        var decided = 0;
        foreach (var letter in letters)
        {
            decided++;
            foreach (var field in letter.Corrected)
            {
                corrected[field]++;
            }
        }

        return new AgreementTally(promptVersion, engine, decided, corrected);
    }

    /// <summary>Labels of stored prompt versions (triage@&lt;hash&gt;) → their number, which is what admins call them.</summary>
    private async Task<Dictionary<string, string>> VersionNamesAsync(CancellationToken ct)
    {
        var versions = await db.PromptVersions.AsNoTracking().Select(v => new { v.Number, v.Hash }).ToListAsync(ct);
        return versions.GroupBy(v => $"{PromptSet.Name}@{v.Hash}")
            .ToDictionary(g => g.Key, g => g.Min(v => v.Number).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Numbered prompt versions in their order, then other labels; engines by name.</summary>
    private static List<AgreementTally> Ordered(IEnumerable<AgreementTally> tallies) =>
        [.. tallies.OrderBy(t => int.TryParse(t.PromptVersion, out var number) ? number : int.MaxValue)
            .ThenBy(t => t.PromptVersion, StringComparer.Ordinal).ThenBy(t => t.Engine, StringComparer.Ordinal)];

    private async Task<BacklogFigures> BacklogAsync(DateTimeOffset now, CancellationToken ct)
    {
        var waiting = db.ReviewItems.AsNoTracking().Where(i => i.State == ReviewState.Open || i.State == ReviewState.AwaitingCoApproval);
        var counts = await waiting.GroupBy(i => new { i.State, Manual = i.ManualTriageReason != null })
            .Select(g => new { g.Key.State, g.Key.Manual, Count = g.Count() }).ToListAsync(ct);
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal) { [InboxQuery.InReview] = 0, [InboxQuery.ManualTriage] = 0, [InboxQuery.AwaitingCoApproval] = 0 };
        foreach (var c in counts)
        {
            var status = c.State == ReviewState.AwaitingCoApproval ? InboxQuery.AwaitingCoApproval : c.Manual ? InboxQuery.ManualTriage : InboxQuery.InReview;
            byStatus[status] += c.Count;
        }

        var size = byStatus.Values.Sum();
        if (size == 0)
        {
            return new BacklogFigures(0, byStatus, null, null);
        }

        // Oldest and median by position in receipt order: two or three indexed reads, however long the queue.
        var receipts = waiting.Join(db.Documents, i => i.DocumentId, d => d.Id, (i, d) => d.ReceivedAt).OrderBy(r => r);
        var oldest = await receipts.FirstAsync(ct);
        var middle = await receipts.Skip((size - 1) / 2).Take(2 - (size % 2)).ToListAsync(ct);
        return new BacklogFigures(size, byStatus, Hours(now - oldest), middle.Average(r => Hours(now - r)));
    }

    private static double Hours(TimeSpan age) => age.TotalHours;
}
