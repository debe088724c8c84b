using KpuTriage.Core.Evaluation;

namespace KpuTriage.Tests.Evaluation;

/// <summary>
/// Five letters scored by hand. Per letter (expected → proposed):
/// letterNumber: same ✓✓; spaced around "/" and "-" ✗✓; lower case with a full stop ✗✓; none proposed ✗✗; none expected, none proposed ✓✓ → exact 2/5, normalised 4/5.
/// perihal: same ✓✓; a newline and double space ✗✓; trailing ";" ✗✓; cut short ✗✗; none expected but proposed ✗✗ → exact 1/5, normalised 3/5.
/// urgency: biasa→biasa, segera→biasa, segera→segera, amat_segera→segera, biasa→biasa → 3/5.
/// letterType: undangan→undangan, permohonan_informasi→(not in the proposal), undangan→undangan, (none)→surat_dinas, (none)→(none) → 3/5.
/// register: never proposed; expected ketua, ketua, sekretaris, (none), (none) → 2/5.
/// </summary>
public sealed class ScorecardSpecs
{
    private static readonly Scorecard Card = Score();

    [Fact]
    public void Should_count_exact_and_normalised_matches_per_text_field()
    {
        Assert.Equal(5, Card.Letters);
        Assert.Equal((5, 2, 4), Counts(Card.Fields["letterNumber"]));
        Assert.Equal((5, 1, 3), Counts(Card.Fields["perihal"]));
    }

    [Fact]
    public void Should_count_correct_codes_as_accuracy_of_a_category_field()
    {
        Assert.Equal(3, Card.Fields["urgency"].Exact);
        Assert.Equal(0.6, Card.Fields["urgency"].ExactShare);
        Assert.Null(Card.Fields["urgency"].Normalised);
        Assert.True(Card.Fields["urgency"].IsCategory);
        Assert.False(Card.Fields["perihal"].IsCategory);
    }

    [Fact]
    public void Should_tabulate_expected_against_proposed_listing_only_codes_that_occur()
    {
        var confusion = Card.Fields["urgency"].Confusion!;

        Assert.Equal(["amat_segera", "biasa", "segera"], confusion.Labels);
        Assert.Equal(2, confusion.Count("biasa", "biasa"));
        Assert.Equal(1, confusion.Count("segera", "biasa"));
        Assert.Equal(1, confusion.Count("segera", "segera"));
        Assert.Equal(1, confusion.Count("amat_segera", "segera"));
        Assert.Equal(0, confusion.Count("amat_segera", "amat_segera"));
        Assert.Equal(5, confusion.Counts.Values.Sum(row => row.Values.Sum()));
    }

    [Fact]
    public void Should_score_a_field_missing_from_the_proposal_as_proposing_none()
    {
        var letterType = Card.Fields["letterType"];
        Assert.Equal(3, letterType.Exact);
        Assert.Equal(["permohonan_informasi", "surat_dinas", "undangan", ConfusionTable.None], letterType.Confusion!.Labels);
        Assert.Equal(1, letterType.Confusion.Count("permohonan_informasi", ConfusionTable.None));
        Assert.Equal(1, letterType.Confusion.Count(ConfusionTable.None, "surat_dinas"));
        Assert.Equal(1, letterType.Confusion.Count(ConfusionTable.None, ConfusionTable.None));

        var register = Card.Fields["register"];
        Assert.Equal(2, register.Exact);
        Assert.Equal(2, register.Confusion!.Count("ketua", ConfusionTable.None));
    }

    [Fact]
    public void Should_keep_the_labels_column_order()
    {
        Assert.Equal(["letterNumber", "perihal", "urgency", "letterType", "register"], Card.Fields.Keys);
    }

    [Fact]
    public void Should_score_nothing_when_no_letter_is_labelled()
    {
        var empty = Scorecard.Score(["letterNumber"], []);

        Assert.Equal(0, empty.Letters);
        Assert.Null(empty.Fields["letterNumber"].ExactShare);
    }

    private static (int Letters, int Exact, int? Normalised) Counts(FieldScore score) => (score.Letters, score.Exact, score.Normalised);

    private static Scorecard Score()
    {
        var labels = LabelsFile.Parse(string.Join('\n',
            "file\tletterNumber\tperihal\turgency\tletterType\tregister",
            "l1\t1/PP.01.1-SD/3214/1/2026\tUndangan Rapat Koordinasi\tbiasa\tundangan\tketua",
            "l2\t005/PL.01-Und/3214/2026\tPermohonan Data Pemilih\tsegera\tpermohonan_informasi\tketua",
            "l3\tUND-62/KPU/2026\tPemberitahuan\tsegera\tundangan\tsekretaris",
            "l4\tS-908/X/2026\tLaporan Hasil Pengawasan\tamat_segera\t\t",
            "l5\t\t\tbiasa\t\t"));
        Dictionary<string, string?>[] proposed =
        [
            new() { ["letterNumber"] = "1/PP.01.1-SD/3214/1/2026", ["perihal"] = "Undangan Rapat Koordinasi", ["urgency"] = "biasa", ["letterType"] = "undangan" },
            new() { ["letterNumber"] = "005 / PL.01 - Und/3214/2026", ["perihal"] = "Permohonan  Data\nPemilih", ["urgency"] = "biasa" },
            new() { ["letterNumber"] = "und-62/kpu/2026.", ["perihal"] = "Pemberitahuan;", ["urgency"] = "segera", ["letterType"] = "undangan" },
            new() { ["letterNumber"] = null, ["perihal"] = "Laporan Hasil", ["urgency"] = "segera", ["letterType"] = "surat_dinas" },
            new() { ["letterNumber"] = null, ["perihal"] = "Keberatan", ["urgency"] = "biasa", ["letterType"] = null },
        ];
        return Scorecard.Score(labels.Fields, [.. labels.Rows.Select((row, i) => new ScoredLetter(row, proposed[i]))]);
    }
}
