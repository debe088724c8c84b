using System.Text.Json.Nodes;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Refusals;
using KpuTriage.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Prompts;

/// <summary>
/// Replay of a draft against the active version on a small fixed gold set — four approved
/// decisions and a development set of two letters — through the desk's own engine talking HTTP
/// to a fake model that reads every letter as an undangan under the draft and as a surat dinas
/// under the active version. Run once per storage provider.
/// </summary>
public abstract class ReplaySpecs : OnEachStorage
{
    private ReplayDesk replay = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        replay = await ReplayDesk.StartAsync(DataDirectory, PostgresConnectionString);
    }

    public override async Task DisposeAsync()
    {
        await replay.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Agenda 1 surat dinas, 2 and 3 undangan (3 approved with another number), 4 surat edaran.</summary>
    private async Task DecideFourAsync()
    {
        await replay.DecideAsync(1, "surat_dinas");
        await replay.DecideAsync(2, "undangan");
        await replay.DecideAsync(3, "undangan", letterNumber: "9/Y");
        await replay.DecideAsync(4, "surat_edaran");
    }

    [Fact]
    public async Task Should_score_both_versions_on_the_same_letters_exactly_as_a_hand_count()
    {
        await DecideFourAsync();
        var draft = await replay.DraftAsync();

        var run = await replay.ReplayAsync(draft, goldSize: 4);

        Assert.Equal(ReplayRunState.Finished, run.State);
        Assert.Null(run.Failure);
        var result = run.Result()!;
        Assert.Equal((4, 2, 6), (result.Decisions, result.DevelopmentLetters, result.Letters.Count));
        Assert.Null(result.Note);
        // By hand: letter types surat dinas (1, 01-dev), surat edaran (4), undangan (2, 3, 02-dev);
        // the draft says undangan everywhere, the active version surat dinas; 3 was approved as 9/Y.
        Expected(draft, result.Draft, ("letterType", 3), ("letterNumber", 5));
        Expected(1, result.Active, ("letterType", 2), ("letterNumber", 5));
        Assert.Equal(["0001/2026", "0004/2026", "0002/2026", "0003/2026", "01-dev.pdf", "02-dev.pdf"], result.Letters.Select(l => l.Source));
        Assert.Equal(["decision", "decision", "decision", "decision", "development", "development"], result.Letters.Select(l => l.Origin));
        var third = result.Letters.Single(l => l.Source == "0003/2026").Fields.Single(f => f.Field == "letterNumber");
        Assert.Equal(new ReplayField("letterNumber", "9/Y", "1/X", "1/X", false, false), third);
        var first = result.Letters[0].Fields.Single(f => f.Field == "letterType");
        Assert.Equal(new ReplayField("letterType", "surat_dinas", "undangan", "surat_dinas", false, true), first);

        // Six letters each, every one answered by the model, none from the cache; tokens as the provider counted them.
        var requests = replay.Fake.Requests;
        Assert.Equal(12, requests.Count);
        var drafted = requests.Where(ReplayDesk.IsDraft).ToList();
        Assert.Equal(6, drafted.Count);
        Assert.Equal((6, 6, 0), (result.Draft.Letters, result.Draft.ModelAnswers, result.Draft.CachedAnswers));
        Assert.Equal((6, 6, 0), (result.Active.Letters, result.Active.ModelAnswers, result.Active.CachedAnswers));
        Assert.Equal(drafted.Sum(r => (long)(r.Body.Length / 4)), result.Draft.PromptTokens);
        Assert.Equal(requests.Except(drafted).Sum(r => (long)(r.Body.Length / 4)), result.Active.PromptTokens);
        Assert.Equal(6L * (ReplayDesk.DraftAnswer.Length / 4), result.Draft.CompletionTokens);
        Assert.Equal(6L * (ReplayDesk.ActiveAnswer.Length / 4), result.Active.CompletionTokens);
        Assert.NotNull(result.Draft.LatencyP50Ms);
        Assert.True(result.Draft.LatencyP95Ms >= result.Draft.LatencyP50Ms);
    }

    [Fact]
    public async Task Should_count_cached_answers_as_the_versions_cost_and_mark_them_when_a_draft_is_replayed_again()
    {
        await DecideFourAsync();
        var draft = await replay.DraftAsync();
        var first = (await replay.ReplayAsync(draft, goldSize: 4)).Result()!;

        var second = (await replay.ReplayAsync(draft, goldSize: 4)).Result()!;

        Assert.Equal(12, replay.Fake.Requests.Count);
        Assert.Equal((6, 6), (second.Draft.CachedAnswers, second.Active.CachedAnswers));
        Assert.Equal((first.Draft.PromptTokens, first.Draft.CompletionTokens), (second.Draft.PromptTokens, second.Draft.CompletionTokens));
        Assert.Equal(first.Draft.Scores, second.Draft.Scores, new ScoresComparer());
        Assert.All(second.Letters, l => Assert.True(l.Draft.Cached && l.Active.Cached));
    }

    [Fact]
    public async Task Should_draw_decisions_in_proportion_to_their_letter_types_and_the_same_ones_for_the_same_seed()
    {
        // Six surat dinas, three undangan, one surat edaran: five seats are 3, 1.5 and 0.5, so 3, 1 and 1 (every type at least one).
        for (var agenda = 1; agenda <= 10; agenda++)
        {
            await replay.DecideAsync(agenda, agenda <= 6 ? "surat_dinas" : agenda <= 9 ? "undangan" : "surat_edaran");
        }

        var drawn = await DrawAsync(5, seed: 7);
        var again = await DrawAsync(5, seed: 7);

        var decisions = drawn.Letters.Where(l => l.Origin == GoldLetter.Decision).ToList();
        Assert.Equal((5, 2), (drawn.Decisions, drawn.Development));
        Assert.Equal(
            [("surat_dinas", 3), ("surat_edaran", 1), ("undangan", 1)],
            decisions.GroupBy(l => l.LetterType).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Equal(decisions.Select(l => l.Source), again.Letters.Where(l => l.Origin == GoldLetter.Decision).Select(l => l.Source));
        Assert.Equal(["01-dev.pdf", "02-dev.pdf"], drawn.Letters.Where(l => l.Origin == GoldLetter.Development).Select(l => l.Source));
        Assert.Contains("Undangan Rapat Koordinasi Pemutakhiran Data Pemilih 902", drawn.Letters[^1].Pages[0].Text, StringComparison.Ordinal);
        Assert.Equal(10, (await DrawAsync(50, seed: 7)).Decisions);
    }

    [Fact]
    public async Task Should_promote_the_draft_on_the_evidence_of_a_real_replay_and_name_the_run_in_the_ledger()
    {
        await DecideFourAsync();
        var draft = await replay.DraftAsync();
        var run = await replay.ReplayAsync(draft, goldSize: 4);

        var promoted = await replay.Desk.WithVersionsAsync(v => v.PromoteAsync(draft, "budi", CancellationToken.None));

        Assert.Equal(PromptVersionState.Active, promoted.State);
        var entry = await replay.Desk.QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.Kind == LedgerKinds.PromptPromotion));
        var payload = JsonNode.Parse(entry.PayloadJson)!;
        Assert.Equal(run.Id.ToString(), (string)payload["replay"]!);
        var letterType = payload["fields"]!.AsArray().Single(f => (string)f!["field"]! == "letterType")!;
        Assert.Equal((6, 2, 3), ((int)letterType["letters"]!, (int)letterType["activeCorrect"]!, (int)letterType["draftCorrect"]!));
    }

    [Fact]
    public async Task Should_run_a_run_once_when_two_processes_claim_it_at_once()
    {
        await DecideFourAsync();
        var draft = await replay.DraftAsync();
        var run = await replay.WithReplaysAsync(r => r.RequestAsync(draft, 4, "budi", CancellationToken.None));

        var claims = await Task.WhenAll(
            replay.WithReplaysAsync(r => r.RunAsync(run.Id, CancellationToken.None)),
            replay.WithReplaysAsync(r => r.RunAsync(run.Id, CancellationToken.None)));

        Assert.Single(claims, claimed => claimed);
        Assert.Equal(ReplayRunState.Finished, (await replay.WithReplaysAsync(r => r.FindAsync(run.Id, CancellationToken.None)))!.State);
        Assert.Equal(12, replay.Fake.Requests.Count);
    }

    [Fact]
    public async Task Should_refuse_a_replay_of_the_active_version_of_an_unknown_version_and_of_a_size_out_of_range()
    {
        var draft = await replay.DraftAsync();

        var active = await Assert.ThrowsAsync<RefusedException>(() => replay.WithReplaysAsync(r => r.RequestAsync(1, 10, "budi", CancellationToken.None)));
        var unknown = await Assert.ThrowsAsync<RefusedException>(() => replay.WithReplaysAsync(r => r.RequestAsync(9, 10, "budi", CancellationToken.None)));
        var empty = await Assert.ThrowsAsync<RefusedException>(() => replay.WithReplaysAsync(r => r.RequestAsync(draft, 0, "budi", CancellationToken.None)));
        var huge = await Assert.ThrowsAsync<RefusedException>(() => replay.WithReplaysAsync(r => r.RequestAsync(draft, PromptReplays.MaxGoldSize + 1, "budi", CancellationToken.None)));

        Assert.Equal(["replay-of-active", "unknown-prompt-version", "gold-size", "gold-size"], new[] { active, unknown, empty, huge }.Select(e => e.Refusal.Code));
        Assert.Equal("versi prompt 1 adalah versi aktif: uji ulang membandingkan versi lain dengan versi aktif.", active.Refusal.Text(indonesian: true));
        Assert.Empty(await replay.WithReplaysAsync(r => r.ForVersionAsync(draft, CancellationToken.None)));
    }

    [Fact]
    public async Task Should_list_a_versions_runs_newest_first_with_the_version_they_were_compared_with()
    {
        var draft = await replay.DraftAsync();
        var older = await replay.WithReplaysAsync(r => r.RequestAsync(draft, 5, "budi", CancellationToken.None));
        var newer = await replay.WithReplaysAsync(r => r.RequestAsync(draft, 7, "citra", CancellationToken.None));

        var runs = await replay.WithReplaysAsync(r => r.ForVersionAsync(draft, CancellationToken.None));

        Assert.Equal([newer.Id, older.Id], runs.Select(r => r.Id));
        Assert.All(runs, r => Assert.Equal((ReplayRunState.Queued, 1), (r.State, r.ActiveNumber)));
        Assert.Equal(("citra", 7), (runs[0].RequestedBy, runs[0].GoldSize));
    }

    private async Task<GoldLetters> DrawAsync(int size, int seed)
    {
        await using var scope = replay.Desk.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GoldSet>().DrawAsync(size, seed, CancellationToken.None);
    }

    /// <summary>Every scored field: six letters, all right but the ones named.</summary>
    private static void Expected(int version, VersionReplay replayed, params (string Field, int Correct)[] exceptions)
    {
        Assert.Equal(version, replayed.Scores.Version);
        var expected = GoldLetter.Fields.Select(f => new FieldTally(f, 6, exceptions.FirstOrDefault(e => e.Field == f) is { Field: not null } e ? e.Correct : 6));
        Assert.Equal(expected, replayed.Scores.Fields);
    }

    private sealed class ScoresComparer : IEqualityComparer<ReplayScores>
    {
        public bool Equals(ReplayScores? x, ReplayScores? y) => x!.Version == y!.Version && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode(ReplayScores obj) => obj.Version;
    }
}
