using KpuTriage.Core.Classification;
using KpuTriage.Core.Extraction;
using KpuTriage.Tests.Triage;

namespace KpuTriage.Tests.Classification;

/// <summary>Urgency is what the letter says: the classifier may name an urgency beside it, never replace it.</summary>
public sealed class UrgencyFusionSpecs
{
    private const string NoSifat = """
        KOMISI PEMILIHAN UMUM KABUPATEN PURWAKARTA

        Nomor     : 12/PL.02-Und/3214/2026
        Lampiran  : -
        Hal       : Undangan Rapat Pleno

        Dengan hormat, kami mengundang Saudara hadir pada rapat pleno.
        """;

    [Fact]
    public void Should_keep_biasa_and_name_the_classifiers_urgency_as_inferred_when_no_sifat_is_printed()
    {
        var reading = ShippedTaxonomy.Parser.Read([new ExtractedPage(1, NoSifat)]);
        var predictions = new Dictionary<string, ClassPrediction>
        {
            [ClassifierTargets.Urgency] = new("amat_segera", 0.95, new Dictionary<string, double> { ["amat_segera"] = 0.95 }),
        };

        var fused = ClassifierFusion.Apply(reading, predictions, ShippedTaxonomy.Taxonomy);

        Assert.Equal("biasa", fused.Fields.Urgency.Value);
        Assert.Contains("inferred by the classifier, not printed: 'amat_segera'", fused.Notes["urgency"], StringComparison.Ordinal);
    }
}
