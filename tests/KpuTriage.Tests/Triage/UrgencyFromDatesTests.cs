using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;

namespace KpuTriage.Tests.Triage;

public sealed class UrgencyFromDatesTests
{
    private static string Memo(string written, string due, string sifat = "") => $"""
        KOMISI PEMILIHAN UMUM KABUPATEN PURWAKARTA

        Nomor     : MEMO-03/Ketua/II/2026
        {sifat}
        Tanggal   : {written}
        Perihal   : Penyiapan Rapat Pleno Terbuka

        Sehubungan dengan rencana rapat pleno, dimohon Sekretaris menyiapkan undangan
        kepada para pihak paling lambat tanggal {due}.
        """;

    [Theory]
    [InlineData("26 Februari 2026", "27 Februari 2026")]
    [InlineData("23 Februari 2026", "26 Februari 2026")]
    [InlineData("2 Februari 2026", "27 Februari 2026")]
    public void Should_propose_biasa_when_no_sifat_is_printed_however_near_the_deadline(string written, string due)
    {
        var fields = ShippedTaxonomy.Parse(Memo(written, due));

        Assert.Equal("biasa", fields.Urgency.Value);
        Assert.NotNull(fields.Deadline.Value);
    }

    [Theory]
    [InlineData("26 Februari 2026", "27 Februari 2026", "amat_segera")]
    [InlineData("23 Februari 2026", "26 Februari 2026", "segera")]
    public async Task Should_offer_the_urgency_the_dates_imply_apart_and_marked_inferred(string written, string due, string inferred)
    {
        var engine = new LocalEngine(ShippedTaxonomy.Parser, ShippedTaxonomy.NoClassifier());

        var proposal = await engine.ProposeAsync([new ExtractedPage(1, Memo(written, due))], CancellationToken.None);

        Assert.Equal("biasa", proposal.Fields.Urgency.Value);
        Assert.Contains(proposal.Warnings, w => w.StartsWith("urgency:", StringComparison.Ordinal)
            && w.Contains($"inferred from its dates, not printed: '{inferred}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_infer_nothing_when_the_deadline_is_weeks_away()
    {
        var engine = new LocalEngine(ShippedTaxonomy.Parser, ShippedTaxonomy.NoClassifier());

        var proposal = await engine.ProposeAsync([new ExtractedPage(1, Memo("2 Februari 2026", "27 Februari 2026"))], CancellationToken.None);

        Assert.DoesNotContain(proposal.Warnings, w => w.Contains("inferred", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_keep_a_printed_sifat_whatever_the_dates_say()
    {
        var urgency = ShippedTaxonomy.Parse(Memo("26 Februari 2026", "27 Februari 2026", "Sifat     : Biasa")).Urgency;

        Assert.Equal("biasa", urgency.Value);
        Assert.False(urgency.IsLowConfidence);
    }
}
