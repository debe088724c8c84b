using KpuTriage.Core.Prompts;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Prompts;

/// <summary>
/// A replay where the prompts folder has no development set, and where there is nothing to
/// replay at all: the first runs on decisions alone and says so, the second fails with why.
/// </summary>
public sealed class GoldSetSpecs : IAsyncLifetime
{
    private readonly TempDirectory data = new();
    private ReplayDesk replay = null!;

    public async Task InitializeAsync() => replay = await ReplayDesk.StartAsync(data.Path, postgres: null, devSet: false);

    public async Task DisposeAsync()
    {
        await replay.DisposeAsync();
        data.Dispose();
    }

    [Fact]
    public async Task Should_replay_on_decisions_alone_and_say_so_when_the_prompts_folder_has_no_development_set()
    {
        await replay.DecideAsync(1, "surat_dinas");
        await replay.DecideAsync(2, "undangan");
        var draft = await replay.DraftAsync();

        var result = (await replay.ReplayAsync(draft, goldSize: 10)).Result()!;

        Assert.Equal((2, 0, 2), (result.Decisions, result.DevelopmentLetters, result.Letters.Count));
        Assert.Equal($"no development set at {Path.Combine(replay.PromptsFolder, "eval", "dev")}: approved decisions only", result.Note);
        Assert.Equal(new FieldTally("letterType", 2, 1), result.Draft.Scores.Fields.Single(f => f.Field == "letterType"));
    }

    [Fact]
    public async Task Should_fail_the_run_with_the_reason_when_there_is_nothing_to_replay()
    {
        var draft = await replay.DraftAsync();

        var run = await replay.ReplayAsync(draft, goldSize: 10);

        Assert.Equal(ReplayRunState.Failed, run.State);
        Assert.StartsWith("the gold set is empty: no approved decision has its text kept, and no development set at", run.Failure, StringComparison.Ordinal);
        Assert.Empty(replay.Fake.Requests);
    }
}
