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
    [InlineData("26 Februari 2026", "27 Februari 2026", "amat_segera")]
    [InlineData("23 Februari 2026", "26 Februari 2026", "segera")]
    [InlineData("2 Februari 2026", "27 Februari 2026", "biasa")]
    public void Should_suggest_the_urgency_the_time_left_implies_when_no_sifat_is_printed(string written, string due, string expected)
    {
        var urgency = ShippedTaxonomy.Parse(Memo(written, due)).Urgency;

        Assert.Equal(expected, urgency.Value);
        Assert.True(urgency.IsLowConfidence);
    }

    [Fact]
    public void Should_keep_a_printed_sifat_whatever_the_dates_say()
    {
        var urgency = ShippedTaxonomy.Parse(Memo("26 Februari 2026", "27 Februari 2026", "Sifat     : Biasa")).Urgency;

        Assert.Equal("biasa", urgency.Value);
        Assert.False(urgency.IsLowConfidence);
    }
}
