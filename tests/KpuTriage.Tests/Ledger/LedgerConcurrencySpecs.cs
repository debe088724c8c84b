using System.Diagnostics;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Review;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KpuTriage.Tests.Ledger;

/// <summary>
/// Many clerks commit at the same instant through several desks — each its own service
/// provider, connection pool and DbContexts, as separate Web processes would be — on one
/// database: the ledger stays one unbroken chain with an entry per commit.
/// </summary>
public abstract class LedgerConcurrencySpecs(ITestOutputHelper output) : OnEachStorage
{
    private const int Letters = 24;
    private const int Desks = 3;
    private readonly List<Desk> desks = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = LedgerDesk.Settings(DataDirectory, PostgresConnectionString);
        desks.Add(await Desk.StartAsync(settings));
        for (var i = 1; i < Desks; i++)
        {
            // API only: these desks take decisions, the first one runs the pipeline.
            desks.Add(await Desk.StartAsync(settings with { Stages = "" }));
        }
    }

    public override async Task DisposeAsync()
    {
        foreach (var desk in desks)
        {
            await desk.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_leave_one_unbroken_chain_when_many_commits_race_through_several_desks()
    {
        var pipeline = desks[0];
        await pipeline.EnsurePeopleAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < Letters; i++)
        {
            ids.Add(await pipeline.SubmitOkAsync($"undangan-{i}.txt", Infrastructure.Letters.UndanganBytes(100 + i)));
        }

        foreach (var id in ids)
        {
            await pipeline.WaitForStatusAsync(id, "in_review");
        }

        var entriesBefore = await pipeline.QueryAsync(db => db.LedgerEntries.CountAsync());
        var start = new TaskCompletionSource();
        var clock = Stopwatch.StartNew();
        var decisions = ids.Select(async (id, i) =>
        {
            await start.Task;
            await using var scope = desks[i % Desks].Services.CreateAsyncScope();
            var timer = Stopwatch.StartNew();
            var outcome = await scope.ServiceProvider.GetRequiredService<DecisionService>()
                .DecideAsync(id, new DecisionRequest(DecisionRequest.Approve), new Decider(Desk.ClerkName, IsSupervisor: false), CancellationToken.None);
            return (outcome, timer.Elapsed);
        }).ToList();
        start.SetResult();
        var results = await Task.WhenAll(decisions);
        clock.Stop();

        Assert.All(results, r => Assert.Equal(DecisionResult.Committed, r.outcome.Result));
        var verdict = await LedgerDesk.VerifyAsync(desks[^1]);
        Assert.True(verdict.Ok, verdict.Break?.Problem);
        var sequences = await pipeline.QueryAsync(db => db.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, entriesBefore + Letters).Select(i => (long)i), sequences);
        var agenda = await pipeline.QueryAsync(db => db.Register.Select(r => r.AgendaNumber).OrderBy(n => n).ToListAsync());
        Assert.Equal(Enumerable.Range(1, Letters), agenda);
        var latencies = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToList();
        output.WriteLine($"{Letters} commits through {Desks} desks at once: {clock.ElapsedMilliseconds} ms in all, "
            + $"per commit p50 {latencies[latencies.Count / 2]:0} ms, max {latencies[^1]:0} ms; chain verified: {verdict.EntriesChecked} entries");
    }
}
