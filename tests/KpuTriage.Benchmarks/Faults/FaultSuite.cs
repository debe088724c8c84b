using System.Diagnostics;
using KpuTriage.Core.Documents;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Benchmarks.Faults;

/// <summary>
/// The fault harness: letters into an office of separate processes while they are killed and
/// their servers stopped, then decisions while the Web host is killed; reconciled the way
/// RabbitMQ's Jepsen checker does it, acknowledged against recorded. The last line is the
/// verdict; the exit code is 1 when anything was lost, duplicated, stuck or committed other
/// than once, or the ledger does not verify.
/// </summary>
internal static class FaultSuite
{
    public static async Task<int> RunAsync(int letters, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var office = await FaultOffice.StartAsync();
        Console.WriteLine($"faults: {letters} letters into web + 2 workers (separate processes), PostgreSQL and RabbitMQ; hosts' output in {office.LogPath}");

        // Letters arrive over at least a minute, so that every fault falls among them.
        var perSecond = Math.Max(8.0, letters / 240.0);
        var submissions = new Submissions(office, letters);
        var faults = new FaultSchedule(office, submissions, letters);
        var sending = submissions.RunAsync(perSecond, ct);
        await Task.WhenAll(sending, faults.RunAsync(ct));
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {submissions.Acknowledged} acknowledged ({submissions.Resubmitted} resubmitted, {submissions.Retries} sent again after an unknown outcome) in {clock.Elapsed.TotalSeconds:F0} s");

        var quiet = await WaitForQuiescenceAsync(office, submissions.Acknowledged, TimeSpan.FromSeconds(Math.Max(120, letters / 20.0)), ct);
        var (lost, duplicated) = await ReconcileAsync(office, submissions.ExternalIds);
        var stuck = await office.QueryAsync(db => db.Documents.CountAsync(d => d.Status != DocumentStatus.InReview && d.Status != DocumentStatus.ManualTriage));
        var manual = await office.QueryAsync(db => db.Documents.Where(d => d.Status == DocumentStatus.ManualTriage)
            .Select(d => d.StatusReason).ToListAsync());
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} quiet after {quiet.TotalSeconds:F0} s: lost {lost}, duplicated {duplicated}, stuck {stuck}, manual {manual.Count}");
        foreach (var reason in manual.GroupBy(r => r ?? "(no reason)"))
        {
            Console.WriteLine($"    manual triage ×{reason.Count()}: {reason.Key}");
        }

        var toDecide = await office.QueryAsync(db => db.Documents.Where(d => d.Status == DocumentStatus.InReview)
            .OrderBy(d => d.ReceivedAt).Select(d => d.Id).Take(1000).ToListAsync());
        var clerks = new Clerks(office);
        var deciding = Stopwatch.StartNew();
        await clerks.DecideAsync(toDecide, ct);
        var (commits, perDocument, contiguous) = await CommitsAsync(office);
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {clerks.Decided} decisions by 3 clerks in {deciding.Elapsed.TotalSeconds:F0} s ({clerks.Retries} sent again): {commits} commits, at most {perDocument} per letter, agenda numbers {(contiguous ? "contiguous" : "NOT contiguous")}");

        var (intact, verify) = await office.VerifyLedgerAsync();
        Console.WriteLine($"  ledger verify: {verify.ReplaceLineEndings(" / ")}");
        foreach (var outcome in faults.Outcomes)
        {
            Console.WriteLine($"  recovery: {outcome.Fault}: {outcome.Outage.TotalSeconds:F1} s of fault, letters moving {outcome.Recovery.TotalSeconds:F1} s after");
        }

        var exact = commits == clerks.Decided && perDocument <= 1 && contiguous;
        Console.WriteLine($"  total {clock.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"faults: acknowledged {submissions.Acknowledged}, lost {lost}, duplicated {duplicated}, stuck {stuck}, manual-by-fault {manual.Count}, commits {commits} of {clerks.Decided}, ledger {(intact ? "intact" : "broken")}");
        return lost == 0 && duplicated == 0 && stuck == 0 && exact && intact ? 0 : 1;
    }

    /// <summary>Waits until every acknowledged letter is in the inbox (or with a clerk for manual triage), or the time is up.</summary>
    private static async Task<TimeSpan> WaitForQuiescenceAsync(FaultOffice office, int acknowledged, TimeSpan patience, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            var final = await office.QueryAsync(db => db.Documents.CountAsync(d => d.Status == DocumentStatus.InReview || d.Status == DocumentStatus.ManualTriage));
            if (final >= acknowledged)
            {
                break;
            }

            await Task.Delay(500, ct);
        }

        return clock.Elapsed;
    }

    /// <summary>Acknowledged external ids with no document (lost), and documents beyond one per external id or item beyond one per document (duplicated).</summary>
    private static async Task<(int Lost, int Duplicated)> ReconcileAsync(FaultOffice office, ICollection<string> acknowledged)
    {
        var recorded = await office.QueryAsync(db => db.Documents.Where(d => d.ExternalId != null)
            .GroupBy(d => d.ExternalId!).Select(g => new { ExternalId = g.Key, Count = g.Count() }).ToListAsync());
        var byId = recorded.ToDictionary(r => r.ExternalId, r => r.Count, StringComparer.Ordinal);
        var lost = acknowledged.Count(id => !byId.ContainsKey(id));
        var extraDocuments = recorded.Sum(r => r.Count - 1);
        var extraItems = await office.QueryAsync(db => db.ReviewItems.GroupBy(i => i.DocumentId).Select(g => g.Count() - 1).SumAsync());
        var extraProposals = await office.QueryAsync(db => db.Proposals.GroupBy(p => p.DocumentId).Select(g => g.Count() - 1).SumAsync());
        return (lost, extraDocuments + extraItems + extraProposals);
    }

    private static async Task<(int Commits, int PerDocument, bool Contiguous)> CommitsAsync(FaultOffice office)
    {
        var entries = await office.QueryAsync(db => db.Register.Select(e => new { e.DocumentId, e.Year, e.AgendaNumber }).ToListAsync());
        var perDocument = entries.Count == 0 ? 0 : entries.GroupBy(e => e.DocumentId).Max(g => g.Count());
        var contiguous = entries.GroupBy(e => e.Year).All(year =>
            year.Select(e => e.AgendaNumber).Order().SequenceEqual(Enumerable.Range(1, year.Count())));
        return (entries.Count, perDocument, contiguous);
    }
}
