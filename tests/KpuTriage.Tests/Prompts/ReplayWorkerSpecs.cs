using KpuTriage.Core.Prompts;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KpuTriage.Tests.Prompts;

/// <summary>
/// The replay worker of a desk that proposes: it runs what an admin queued, and a run that
/// cannot finish is kept as failed with its reason. Run once per storage provider.
/// </summary>
public abstract class ReplayWorkerSpecs : OnEachStorage
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private ReplayDesk replay = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        replay = await ReplayDesk.StartAsync(DataDirectory, PostgresConnectionString, poll: TimeSpan.FromMilliseconds(200));
    }

    public override async Task DisposeAsync()
    {
        await replay.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_finish_a_queued_run_that_nobody_runs_by_hand()
    {
        await replay.DecideAsync(1, "surat_dinas");
        await replay.DecideAsync(2, "undangan");
        var draft = await replay.DraftAsync();

        var run = await replay.WithReplaysAsync(r => r.RequestAsync(draft, 2, "budi", CancellationToken.None));

        Assert.Equal(ReplayRunState.Queued, run.State);
        var done = await SettledAsync(run.Id);
        Assert.Equal(ReplayRunState.Finished, done.State);
        Assert.NotNull(done.StartedAt);
        Assert.True(done.FinishedAt >= done.StartedAt);
        // Two decisions and the two letters of the development set, each answered under both versions.
        Assert.Equal(4, done.Result()!.Letters.Count);
        Assert.Equal((4, 4), (done.LettersDone, done.LettersTotal));
        Assert.Equal(8, replay.Fake.Requests.Count);
    }

    [Fact]
    public async Task Should_mark_failed_a_run_left_running_by_a_process_that_stopped()
    {
        var draft = await replay.DraftAsync();
        var left = ReplayRun.Queue(draft, 1, "budi", DateTimeOffset.UtcNow.AddHours(-2), 5, 1);
        var busy = ReplayRun.Queue(draft, 1, "citra", DateTimeOffset.UtcNow.AddHours(-2), 5, 2);
        await replay.Desk.QueryAsync(db =>
        {
            // As another process left them: one started an hour ago and silent since, one still moving on.
            db.ReplayRuns.AddRange(left, busy);
            Running(db.Entry(left), DateTimeOffset.UtcNow.AddHours(-1), heartbeat: null);
            Running(db.Entry(busy), DateTimeOffset.UtcNow.AddHours(-1), heartbeat: DateTimeOffset.UtcNow.AddMinutes(5));
            return db.SaveChangesAsync();
        });

        var failed = await SettledAsync(left.Id);

        Assert.Equal(ReplayRunState.Failed, failed.State);
        Assert.StartsWith("abandoned: no progress for 00:15:00", failed.Failure, StringComparison.Ordinal);
        Assert.Equal(ReplayRunState.Running, (await replay.WithReplaysAsync(r => r.FindAsync(busy.Id, CancellationToken.None)))!.State);
    }

    private static void Running(EntityEntry<ReplayRun> run, DateTimeOffset started, DateTimeOffset? heartbeat)
    {
        run.Property(r => r.State).CurrentValue = ReplayRunState.Running;
        run.Property(r => r.StartedAt).CurrentValue = started;
        run.Property(r => r.HeartbeatAt).CurrentValue = heartbeat;
    }

    [Fact]
    public async Task Should_keep_a_run_as_failed_with_the_reason_when_the_model_is_down_and_run_the_next_one()
    {
        await replay.DecideAsync(1, "surat_dinas");
        var draft = await replay.DraftAsync();
        replay.Fake.Down = true;

        var failed = await SettledAsync((await replay.WithReplaysAsync(r => r.RequestAsync(draft, 1, "budi", CancellationToken.None))).Id);
        replay.Fake.Down = false;
        var next = await SettledAsync((await replay.WithReplaysAsync(r => r.RequestAsync(draft, 1, "budi", CancellationToken.None))).Id);

        Assert.Equal(ReplayRunState.Failed, failed.State);
        Assert.Contains("language model provider 'kantor' is unavailable", failed.Failure, StringComparison.Ordinal);
        Assert.Null(failed.ResultJson);
        Assert.NotNull(failed.FinishedAt);
        Assert.Equal(ReplayRunState.Finished, next.State);
    }

    private async Task<ReplayRun> SettledAsync(Guid id)
    {
        ReplayRun? run = null;
        Assert.True(
            await Eventually.TrueAsync(
                async () => (run = await replay.WithReplaysAsync(r => r.FindAsync(id, CancellationToken.None))) is { State: ReplayRunState.Finished or ReplayRunState.Failed },
                Patience),
            $"replay run {id} stayed {run?.State}");
        return run!;
    }
}
