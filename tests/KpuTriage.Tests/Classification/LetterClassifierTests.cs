using KpuTriage.Core.Classification;

namespace KpuTriage.Tests.Classification;

public sealed class LetterClassifierTests
{
    private static TrainingExample Example(string sender, string perihal, string unit, string? urgency = "biasa") =>
        new(sender, perihal, string.Empty, new Dictionary<string, string?> { ["unit"] = unit, ["urgency"] = urgency });

    private static readonly TrainingExample[] Examples =
    [
        .. Enumerable.Range(1, 6).Select(i => Example("BAWASLU KABUPATEN PURWAKARTA", $"Rekomendasi Pelanggaran Administrasi {i}", "div_hukum")),
        .. Enumerable.Range(1, 6).Select(i => Example("KPPN PURWAKARTA", $"Rekonsiliasi Realisasi Anggaran Triwulan {i}", "subbag_kul")),
        .. Enumerable.Range(1, 6).Select(i => Example("DISDUKCAPIL PURWAKARTA", $"Data Kependudukan untuk Daftar Pemilih {i}", "div_rendatin")),
    ];

    [Fact]
    public void Should_predict_the_unit_whose_words_a_letter_shares()
    {
        var classifier = LetterClassifier.Train(Examples);

        var prediction = classifier.Predict("BAWASLU PROVINSI JAWA BARAT", "Rekomendasi atas Pelanggaran", null)["unit"];

        Assert.Equal("div_hukum", prediction.Label);
        Assert.True(prediction.Probability > prediction.Probabilities["subbag_kul"]);
        Assert.Equal(1.0, prediction.Probabilities.Values.Sum(), 3);
    }

    [Fact]
    public void Should_answer_the_only_code_it_has_seen_when_a_target_has_one()
    {
        var classifier = LetterClassifier.Train(Examples);

        var urgency = classifier.Predict("SIAPA SAJA", "Apa saja", null)["urgency"];

        Assert.Equal(("biasa", 1.0), (urgency.Label, urgency.Probability));
        Assert.DoesNotContain("letterType", classifier.Targets);
    }

    [Fact]
    public void Should_predict_the_same_after_saving_and_loading()
    {
        var trained = LetterClassifier.Train(Examples);

        var loaded = LetterClassifier.Load(trained.Save());

        var letter = ("DISDUKCAPIL KABUPATEN", "Penyampaian Data Kependudukan", "data pemilih");
        var a = trained.Predict(letter.Item1, letter.Item2, letter.Item3)["unit"];
        var b = loaded.Predict(letter.Item1, letter.Item2, letter.Item3)["unit"];
        Assert.Equal(a.Label, b.Label);
        Assert.Equal(a.Probability, b.Probability, 6);
    }
}
