using System.Diagnostics;
using KpuTriage.Benchmarks.Hosts;
using KpuTriage.Core.Documents;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Benchmarks.Faults;

/// <summary>
/// One of each fault, each when a given share of the letters has been acknowledged, while
/// letters keep arriving: SIGKILL of a worker, SIGKILL of the Web host with uploads in flight,
/// the broker stopped and started, PostgreSQL stopped longer than a message's retry budget,
/// SIGKILL of the other worker. For each, how long until letters reached the inbox again.
/// </summary>
internal sealed class FaultSchedule(FaultOffice office, Submissions submissions, int letters)
{
    public sealed record Outcome(string Fault, TimeSpan Outage, TimeSpan Recovery);

    public List<Outcome> Outcomes { get; } = [];

    private const double Ahead = 0.1;

    public async Task RunAsync(CancellationToken ct)
    {
        submissions.Allowed = 0.15 + Ahead;
        await AtAsync(0.15, "kill -9 worker-1", () => RestartAsync(office.Workers[0]), ct);
        await AtAsync(0.30, "kill -9 web (uploads in flight)", () => RestartAsync(office.Web), ct);
        await AtAsync(0.45, "broker stop_app 10 s", async () =>
        {
            await Broker.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            await Broker.StartAsync();
        }, ct);
        await AtAsync(0.60, "PostgreSQL stop 20 s", async () =>
        {
            await office.Postgres.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(20), ct);
            await office.Postgres.StartAgainAsync();
            Npgsql.NpgsqlConnection.ClearAllPools();
        }, ct);
        await AtAsync(0.75, "kill -9 worker-2", () => RestartAsync(office.Workers[1]), ct);
        submissions.Allowed = 1.0;
    }

    /// <summary>SIGKILL, then the host started again as its supervisor (systemd, Kubernetes) would.</summary>
    private static async Task RestartAsync(HostProcess host)
    {
        await host.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await host.RestartAsync();
    }

    private async Task AtAsync(double share, string fault, Func<Task> inject, CancellationToken ct)
    {
        while (submissions.Acknowledged < share * letters)
        {
            await Task.Delay(100, ct);
        }

        var before = await InReviewAsync();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {fault} at {submissions.Acknowledged} acknowledged");
        // Letters keep coming while it lasts.
        submissions.Allowed = share + Ahead;
        await inject();
        var outage = clock.Elapsed;
        // Recovered: a letter reached the inbox after the fault ended (or none was left to).
        var ended = Stopwatch.StartNew();
        var after = await InReviewAsync();
        int now;
        while ((now = await InReviewAsync()) <= after && now < submissions.Acknowledged && ended.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(200, ct);
        }

        submissions.Allowed = Math.Min(1.0, share + 0.15 + Ahead / 2);

        Outcomes.Add(new Outcome(fault, outage, ended.Elapsed));
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {fault}: {outage.TotalSeconds:F1} s of fault, letters moving again {ended.Elapsed.TotalSeconds:F1} s after it ({after - before} reached the inbox meanwhile)");
    }

    private Task<int> InReviewAsync() => office.QueryAsync(db => db.Documents.CountAsync(d => d.Status == DocumentStatus.InReview));
}
