using KpuTriage.Core.Evaluation;
using KpuTriage.Core.Llm;
using KpuTriage.Core.Prompts;

namespace KpuTriage.Tests.Prompts;

public sealed class PromotionGateSpecs
{
    private static readonly PromptFiles Files = PromptFiles.Read(PromptDesk.Shipped);
    private static readonly PromptVersion Active = PromptVersion.Create(1, null, PromptVersion.FilesAuthor, DateTimeOffset.UnixEpoch, Files, PromptVersionState.Active);
    private static readonly PromptVersion Draft = PromptVersion.Create(2, Active, "ani", DateTimeOffset.UnixEpoch, PromptDesk.Edited("Jawab singkat."), PromptVersionState.Draft);

    [Fact]
    public void Should_let_a_draft_through_when_a_field_drops_by_exactly_the_tolerance()
    {
        var evidence = PromptDesk.Evidence(2, 1, ("unit", 50, 40, 39));

        Assert.Null(PromotionGate.Judge(Draft, Active, "budi", evidence, 0.02));
    }

    [Fact]
    public void Should_refuse_a_draft_when_a_field_drops_by_more_than_the_tolerance()
    {
        var evidence = PromptDesk.Evidence(2, 1, ("unit", 50, 40, 39));

        Assert.Equal("worse-fields", PromotionGate.Judge(Draft, Active, "budi", evidence, 0.0)?.Code);
    }

    [Fact]
    public void Should_refuse_the_author_whatever_the_case_of_their_name()
    {
        var evidence = PromptDesk.Evidence(2, 1, ("unit", 50, 40, 45));

        Assert.Equal("own-draft", PromotionGate.Judge(Draft, Active, "ANI", evidence, 0.02)?.Code);
    }

    [Fact]
    public void Should_refuse_when_the_draft_was_not_scored_on_a_field_the_active_version_was()
    {
        var evidence = new PromotionEvidence(
            new ReplayScores(2, [new FieldTally("unit", 50, 45)]),
            new ReplayScores(1, [new FieldTally("unit", 50, 40), new FieldTally("register", 50, 45)]));

        var refusal = PromotionGate.Judge(Draft, Active, "budi", evidence, 0.02);

        Assert.Equal("not-comparable", refusal?.Code);
        Assert.Contains("register", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_when_the_versions_were_scored_on_different_numbers_of_letters()
    {
        var evidence = new PromotionEvidence(new ReplayScores(2, [new FieldTally("unit", 40, 40)]), new ReplayScores(1, [new FieldTally("unit", 50, 40)]));

        Assert.Equal("not-comparable", PromotionGate.Judge(Draft, Active, "budi", evidence, 0.02)?.Code);
    }

    [Fact]
    public void Should_refuse_when_there_are_no_scores_at_all()
    {
        var evidence = new PromotionEvidence(new ReplayScores(2, []), new ReplayScores(1, []));

        Assert.Equal("no-evidence", PromotionGate.Judge(Draft, Active, "budi", evidence, 0.02)?.Code);
    }

    [Fact]
    public void Should_judge_the_harness_scorecards_by_exact_matches_when_a_draft_gets_a_letters_unit_wrong()
    {
        LabelRow Row(string file, string unit, string perihal) => new(file, 2, new Dictionary<string, string> { ["unit"] = unit, ["perihal"] = perihal });
        ScoredLetter Letter(LabelRow row, string unit, string perihal) => new(row, new Dictionary<string, string?> { ["unit"] = unit, ["perihal"] = perihal });
        var rows = new[] { Row("01", "div_teknis", "Undangan Rapat"), Row("02", "subbag_kul", "Peminjaman Aula"), Row("03", "div_hukum", "Rekomendasi") };
        var active = Scorecard.Score(["unit", "perihal"], [Letter(rows[0], "div_teknis", "Undangan Rapat"), Letter(rows[1], "subbag_kul", "peminjaman aula"), Letter(rows[2], "div_hukum", "Rekomendasi")]);
        var draft = Scorecard.Score(["unit", "perihal"], [Letter(rows[0], "div_teknis", "Undangan Rapat"), Letter(rows[1], "subbag_kul", "Peminjaman Aula"), Letter(rows[2], "div_teknis", "Rekomendasi")]);
        var evidence = new PromotionEvidence(ReplayScores.From(2, draft), ReplayScores.From(1, active));

        var refusal = PromotionGate.Judge(Draft, Active, "budi", evidence, 0.02);

        // By hand: unit 3/3 → 2/3 is worse; perihal 2/3 → 3/3 (the lower-case one was not exact) is better.
        Assert.Equal([new FieldTally("unit", 3, 2), new FieldTally("perihal", 3, 3)], evidence.Draft.Fields);
        Assert.Equal([new FieldTally("unit", 3, 3), new FieldTally("perihal", 3, 2)], evidence.Active.Fields);
        Assert.Equal("worse-fields", refusal?.Code);
        Assert.Contains("unit 100 % → 67 %", refusal!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("perihal", refusal.Message, StringComparison.Ordinal);
    }
}
