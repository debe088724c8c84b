namespace KpuTriage.Tests.Triage;

public sealed class TembusanTests
{
    [Fact]
    public void Should_join_numbered_entries_with_semicolons_when_the_list_has_several()
    {
        var tembusan = ShippedTaxonomy.Parse(SampleLetters.UndanganAtasNama).Tembusan;

        Assert.Equal("Ketua KPU Provinsi Jawa Barat di Bandung; Bupati Purwakarta di Purwakarta; Arsip", tembusan.Value);
        Assert.StartsWith("Tembusan Yth.:", tembusan.Evidence?.Quote, StringComparison.Ordinal);
        Assert.False(tembusan.IsLowConfidence);
    }

    [Fact]
    public void Should_read_a_single_entry_when_the_list_has_one()
    {
        var tembusan = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan).Tembusan;

        Assert.Equal("Ketua KPU RI di Jakarta", tembusan.Value);
    }

    [Fact]
    public void Should_read_bulleted_entries_when_the_label_is_upper_case()
    {
        var tembusan = ShippedTaxonomy.Parse(SampleLetters.UndanganOcr).Tembusan;

        Assert.Equal("Ketua KPU Kabupaten Purwakarta; Arsip", tembusan.Value);
    }

    [Fact]
    public void Should_be_missing_with_zero_confidence_when_the_letter_has_no_tembusan()
    {
        var tembusan = ShippedTaxonomy.Parse(SampleLetters.BawasluSuratDinas).Tembusan;

        Assert.Null(tembusan.Value);
        Assert.Equal(0, tembusan.Confidence);
    }
}
