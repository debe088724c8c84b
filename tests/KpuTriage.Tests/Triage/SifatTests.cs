namespace KpuTriage.Tests.Triage;

public sealed class SifatTests
{
    [Fact]
    public void Should_map_segera_to_urgency_and_assume_biasa_security_when_sifat_names_only_urgency()
    {
        var fields = ShippedTaxonomy.Parse(SampleLetters.BawasluSuratDinas);

        Assert.Equal("Segera", fields.SifatRaw.Value);
        Assert.Equal("segera", fields.Urgency.Value);
        Assert.False(fields.Urgency.IsLowConfidence);
        Assert.Equal("Segera", fields.Urgency.Evidence?.Quote);
        Assert.Equal("biasa", fields.Security.Value);
        Assert.True(fields.Security.IsLowConfidence);
    }

    [Fact]
    public void Should_read_sangat_rahasia_as_the_highest_class_not_rahasia_when_the_letter_is_top_secret()
    {
        var fields = ShippedTaxonomy.Parse(SampleLetters.PolresSangatRahasia);

        Assert.Equal("Sangat Rahasia", fields.SifatRaw.Value);
        Assert.Equal("sangat_rahasia", fields.Security.Value);
        Assert.False(fields.Security.IsLowConfidence);
        Assert.Equal("biasa", fields.Urgency.Value);
        Assert.True(fields.Urgency.IsLowConfidence);
    }

    [Fact]
    public void Should_read_sangat_segera_as_amat_segera_not_segera_when_the_phrase_contains_both()
    {
        var fields = ShippedTaxonomy.Parse("Sifat : Sangat Segera/Rahasia");

        Assert.Equal("amat_segera", fields.Urgency.Value);
        Assert.Equal("Sangat Segera", fields.Urgency.Evidence?.Quote);
        Assert.Equal("rahasia", fields.Security.Value);
    }

    [Fact]
    public void Should_read_biasa_on_both_axes_when_sifat_is_biasa()
    {
        var fields = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan);

        Assert.Equal("biasa", fields.Urgency.Value);
        Assert.Equal("biasa", fields.Security.Value);
        Assert.False(fields.Urgency.IsLowConfidence);
        Assert.False(fields.Security.IsLowConfidence);
    }

    [Fact]
    public void Should_propose_biasa_with_low_confidence_when_the_letter_prints_no_sifat()
    {
        var fields = ShippedTaxonomy.Parse(SampleLetters.PermohonanInformasi);

        Assert.Null(fields.SifatRaw.Value);
        Assert.Equal("biasa", fields.Urgency.Value);
        Assert.Equal("biasa", fields.Security.Value);
        Assert.True(fields.Urgency.Confidence is > 0 and < 0.6);
        Assert.True(fields.Security.Confidence is > 0 and < 0.6);
    }

    [Fact]
    public void Should_suggest_segera_only_with_low_confidence_when_the_office_writes_penting()
    {
        var urgency = ShippedTaxonomy.Parse(SampleLetters.OcrNoise).Urgency;

        Assert.Equal("segera", urgency.Value);
        Assert.True(urgency.IsLowConfidence);
        Assert.Equal("Penting", urgency.Evidence?.Quote);
    }

    [Fact]
    public void Should_read_the_security_stamp_when_the_letter_has_no_sifat_line()
    {
        var security = ShippedTaxonomy.Parse("""
            RAHASIA
            KOMISI PEMILIHAN UMUM
            KABUPATEN PURWAKARTA
            Nomor : 12/HK.07-SD/3214/2025
            Hal   : Klarifikasi Laporan Dugaan Pelanggaran
            """).Security;

        Assert.Equal("rahasia", security.Value);
        Assert.Equal("RAHASIA", security.Evidence?.Quote);
    }
}
