using System.Text.Json.Nodes;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Refusals;
using KpuTriage.Tests.Infrastructure;
using KpuTriage.Tests.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Prompts;

/// <summary>
/// The promotion gate, rollback and their record in the ledger, through the desk's own
/// service on real storage: admin "ani" edits, admin "budi" promotes. Run once per storage provider.
/// </summary>
public abstract class PromotionSpecs : OnEachStorage
{
    private const string Author = "ani";
    private const string Promoter = "budi";

    private Desk desk = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        desk = await PromptDesk.StartAsync(DataDirectory, PostgresConnectionString, tolerance: 0.02);
    }

    public override async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Should_refuse_a_draft_worse_than_the_active_version_beyond_the_tolerance_and_name_the_field()
    {
        var draft = await DraftAsync("Jawab singkat.");
        // 50 letters, 2 % tolerance: one letter fewer is allowed, two are not.
        var evidence = PromptDesk.Evidence(draft, 1, ("letterType", 50, 48, 48), ("unit", 50, 40, 38));

        var refused = await Assert.ThrowsAsync<RefusedException>(() => PromoteAsync(draft, Promoter, evidence));

        Assert.Equal("worse-fields", refused.Refusal.Code);
        Assert.Contains("unit 80 % → 76 %", refused.Refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("letterType", refused.Refusal.Message, StringComparison.Ordinal);
        Assert.StartsWith("draf lebih buruk daripada versi aktif melebihi toleransi 2 %", refused.Refusal.Text(indonesian: true), StringComparison.Ordinal);
        Assert.Equal(1, (await ActiveAsync()).Number);
        Assert.Equal(0, await PromotionEntriesAsync());
    }

    [Fact]
    public async Task Should_refuse_to_promote_a_draft_never_replayed_against_the_active_version()
    {
        var draft = await DraftAsync("Jawab singkat.");

        var refused = await Assert.ThrowsAsync<RefusedException>(() => desk.WithVersionsAsync(v => v.PromoteAsync(draft, Promoter, CancellationToken.None)));

        Assert.Equal("replay-first", refused.Refusal.Code);
        Assert.Equal("belum ada uji ulang yang selesai untuk versi 2 terhadap versi aktif 1: jalankan uji ulang dulu.", refused.Refusal.Text(indonesian: true));
        Assert.Equal(1, (await ActiveAsync()).Number);
        Assert.Equal(0, await PromotionEntriesAsync());
    }

    [Fact]
    public async Task Should_refuse_a_replay_in_both_languages_when_no_language_model_is_configured()
    {
        var draft = await DraftAsync("Jawab singkat.");
        await using var scope = desk.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<RefusedException>(
            () => scope.ServiceProvider.GetRequiredService<PromptReplays>().RequestAsync(draft, 10, Promoter, CancellationToken.None));

        Assert.Equal("no-model", refused.Refusal.Code);
        Assert.StartsWith("tidak ada model bahasa yang dikonfigurasi (Llm:Providers)", refused.Refusal.Text(indonesian: true), StringComparison.Ordinal);
        Assert.StartsWith("no language model is configured (Llm:Providers)", refused.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(0, await desk.QueryAsync(db => db.ReplayRuns.CountAsync()));
    }

    [Fact]
    public async Task Should_judge_the_newest_finished_replay_against_the_active_version()
    {
        var draft = await DraftAsync("Jawab singkat.");
        await desk.ReplayedAsync(PromptDesk.Evidence(draft, 1, ("unit", 50, 40, 30)));
        await desk.ReplayedAsync(PromptDesk.Evidence(draft, 1, ("unit", 50, 40, 40)));

        await desk.WithVersionsAsync(v => v.PromoteAsync(draft, Promoter, CancellationToken.None));

        Assert.Equal(draft, (await ActiveAsync()).Number);
    }

    [Fact]
    public async Task Should_refuse_the_author_promoting_their_own_draft_however_good_it_is()
    {
        var draft = await DraftAsync("Jawab singkat.");
        var evidence = PromptDesk.Evidence(draft, 1, ("unit", 50, 40, 50));

        var refused = await Assert.ThrowsAsync<RefusedException>(() => PromoteAsync(draft, Author, evidence));

        Assert.Equal("own-draft", refused.Refusal.Code);
        Assert.Equal("versi prompt 2 adalah draf Anda sendiri: admin lain yang harus mempromosikannya.", refused.Refusal.Text(indonesian: true));
        Assert.Equal(1, (await ActiveAsync()).Number);
    }

    [Fact]
    public async Task Should_make_the_draft_active_retire_the_old_version_and_record_who_when_another_admin_promotes_a_draft_within_the_tolerance()
    {
        var draft = await DraftAsync("Jawab singkat.");
        var evidence = PromptDesk.Evidence(draft, 1, ("letterType", 50, 48, 50), ("unit", 50, 40, 39));

        await PromoteAsync(draft, Promoter, evidence);

        var states = await desk.QueryAsync(db => db.PromptVersions.OrderBy(v => v.Number).Select(v => v.State).ToListAsync());
        Assert.Equal([PromptVersionState.Retired, PromptVersionState.Active], states);
        var entry = await desk.QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.Kind == LedgerKinds.PromptPromotion));
        var payload = JsonNode.Parse(entry.PayloadJson)!;
        Assert.Equal(("promote", 2, 1, Promoter, Author), ((string)payload["action"]!, (int)payload["version"]!, (int)payload["replaces"]!, (string)payload["by"]!, (string)payload["author"]!));
        Assert.Equal(39, (int)payload["fields"]![1]!["draftCorrect"]!);
        Assert.Equal($"prompt version 2 ({(await ActiveAsync()).Label})", entry.Subject);
        Assert.True((await LedgerDesk.VerifyAsync(desk)).Ok);
    }

    [Fact]
    public async Task Should_refuse_evidence_that_compares_the_draft_with_a_version_no_longer_active()
    {
        var second = await DraftAsync("Jawab singkat.");
        var third = await DraftAsync("Jawab lengkap.");
        await PromoteAsync(second, Promoter, PromptDesk.Evidence(second, 1, ("unit", 50, 40, 41)));

        var refused = await Assert.ThrowsAsync<RefusedException>(() => PromoteAsync(third, Promoter, PromptDesk.Evidence(third, 1, ("unit", 50, 40, 45))));

        Assert.Equal("stale-evidence", refused.Refusal.Code);
        Assert.Equal(2, (await ActiveAsync()).Number);
    }

    [Fact]
    public async Task Should_make_an_earlier_version_active_again_in_one_action_and_record_the_rollback()
    {
        var draft = await DraftAsync("Jawab singkat.");
        await PromoteAsync(draft, Promoter, PromptDesk.Evidence(draft, 1, ("unit", 50, 40, 41)));

        await desk.WithVersionsAsync(v => v.RollBackAsync(1, Author, CancellationToken.None));

        var states = await desk.QueryAsync(db => db.PromptVersions.OrderBy(v => v.Number).Select(v => v.State).ToListAsync());
        Assert.Equal([PromptVersionState.Active, PromptVersionState.Retired], states);
        var entry = await desk.QueryAsync(db => db.LedgerEntries.Where(e => e.Kind == LedgerKinds.PromptPromotion).OrderByDescending(e => e.Sequence).FirstAsync());
        var payload = JsonNode.Parse(entry.PayloadJson)!;
        Assert.Equal(("rollback", 1, 2, Author), ((string)payload["action"]!, (int)payload["version"]!, (int)payload["replaces"]!, (string)payload["by"]!));
        Assert.True((await LedgerDesk.VerifyAsync(desk)).Ok);
    }

    [Fact]
    public async Task Should_refuse_a_rollback_to_a_draft_that_was_never_active()
    {
        var draft = await DraftAsync("Jawab singkat.");

        var refused = await Assert.ThrowsAsync<RefusedException>(() => desk.WithVersionsAsync(v => v.RollBackAsync(draft, Promoter, CancellationToken.None)));

        Assert.Equal("not-retired", refused.Refusal.Code);
        Assert.Equal(1, (await ActiveAsync()).Number);
    }

    [Fact]
    public async Task Should_record_a_new_draft_in_the_ledger_with_its_author()
    {
        var draft = await DraftAsync("Jawab singkat.");

        var entry = await desk.QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.Kind == LedgerKinds.PromptEdit));

        var payload = JsonNode.Parse(entry.PayloadJson)!;
        Assert.Equal((draft, 1, Author), ((int)payload["version"]!, (int)payload["parent"]!, (string)payload["by"]!));
    }

    [Fact]
    public async Task Should_leave_one_active_version_when_two_admins_promote_two_drafts_at_once()
    {
        var second = await DraftAsync("Jawab singkat.");
        var third = await DraftAsync("Jawab lengkap.");

        // Each promotes on evidence against version 1: whichever is served second finds version 1 no longer active.
        var outcomes = await Task.WhenAll(
            Outcome(() => PromoteAsync(second, Promoter, PromptDesk.Evidence(second, 1, ("unit", 50, 40, 41)))),
            Outcome(() => PromoteAsync(third, "citra", PromptDesk.Evidence(third, 1, ("unit", 50, 40, 42)))));

        Assert.Equal(["promoted", "stale-evidence"], outcomes.Order(StringComparer.Ordinal));
        Assert.Equal(1, await desk.QueryAsync(db => db.PromptVersions.CountAsync(v => v.State == PromptVersionState.Active)));
        Assert.Equal(1, await PromotionEntriesAsync());
        Assert.True((await LedgerDesk.VerifyAsync(desk)).Ok);
    }

    [Fact]
    public async Task Should_name_the_drafts_entry_when_its_text_is_rewritten_in_the_database()
    {
        var draft = await DraftAsync("Jawab singkat.");
        await PromoteAsync(draft, Promoter, PromptDesk.Evidence(draft, 1, ("unit", 50, 40, 41)));
        var edit = await desk.QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.Kind == LedgerKinds.PromptEdit));

        await desk.QueryAsync(db => db.PromptVersions.Where(v => v.Number == draft).ExecuteUpdateAsync(s => s.SetProperty(v => v.SystemPrompt, "Klasifikasikan semua surat sebagai biasa.")));
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(edit.Sequence, verdict.Break?.Sequence);
        Assert.Contains($"prompt version {draft} was rewritten", verdict.Break!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_name_the_last_promotion_when_the_active_version_is_switched_around_the_ledger()
    {
        var draft = await DraftAsync("Jawab singkat.");
        await PromoteAsync(draft, Promoter, PromptDesk.Evidence(draft, 1, ("unit", 50, 40, 41)));
        var promotion = await desk.QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.Kind == LedgerKinds.PromptPromotion));

        await desk.QueryAsync(db => db.PromptVersions.Where(v => v.Number == draft).ExecuteUpdateAsync(s => s.SetProperty(v => v.State, PromptVersionState.Retired)));
        await desk.QueryAsync(db => db.PromptVersions.Where(v => v.Number == 1).ExecuteUpdateAsync(s => s.SetProperty(v => v.State, PromptVersionState.Active)));
        var verdict = await LedgerDesk.VerifyAsync(desk);

        Assert.Equal(promotion.Sequence, verdict.Break?.Sequence);
        Assert.Contains($"prompt version 1 is active, but the ledger's last promotion or rollback (entry {promotion.Sequence}) made version {draft} active", verdict.Break!.Problem, StringComparison.Ordinal);
    }

    private static async Task<string> Outcome(Func<Task<PromptVersion>> promote)
    {
        try
        {
            await promote();
            return "promoted";
        }
        catch (RefusedException e)
        {
            return e.Refusal.Code;
        }
    }

    private Task<int> DraftAsync(string line) =>
        desk.WithVersionsAsync(async v => (await v.CreateDraftAsync(1, PromptDesk.Edited(line), Author, CancellationToken.None)).Number);

    /// <summary>Stores a finished replay with these scores, then promotes on it.</summary>
    private async Task<PromptVersion> PromoteAsync(int draft, string admin, PromotionEvidence evidence)
    {
        await desk.ReplayedAsync(evidence);
        return await desk.WithVersionsAsync(v => v.PromoteAsync(draft, admin, CancellationToken.None));
    }

    private async Task<PromptVersion> ActiveAsync() =>
        await desk.WithVersionsAsync(v => v.ActiveAsync(CancellationToken.None)) ?? throw new InvalidOperationException("no active version");

    private Task<int> PromotionEntriesAsync() =>
        desk.QueryAsync(db => db.LedgerEntries.CountAsync(e => e.Kind == LedgerKinds.PromptPromotion));
}
