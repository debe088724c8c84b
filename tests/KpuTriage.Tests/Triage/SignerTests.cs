namespace KpuTriage.Tests.Triage;

public sealed class SignerTests
{
    [Fact]
    public void Should_read_the_position_and_the_name_when_the_letter_is_signed()
    {
        var fields = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan);

        Assert.Equal("Ketua", fields.SignerPosition.Value);
        Assert.Equal("Ketua,", fields.SignerPosition.Evidence?.Quote);
        Assert.Equal("Dra. Ummi Wahyuni", fields.SignerName.Value);
        Assert.False(fields.SignerPosition.IsLowConfidence);
    }

    [Fact]
    public void Should_include_the_atas_nama_line_when_the_letter_is_signed_on_behalf()
    {
        var fields = ShippedTaxonomy.Parse(SampleLetters.UndanganAtasNama);

        Assert.Equal("a.n. Ketua Sekretaris", fields.SignerPosition.Value);
        Assert.Equal("Drs. Asep Hidayat, M.Si.", fields.SignerName.Value);
    }

    [Fact]
    public void Should_keep_the_commas_inside_when_a_plh_position_names_a_long_unit()
    {
        var fields = ShippedTaxonomy.Parse(SampleLetters.UndanganOcr);

        Assert.Equal("Plh. Kepala Bagian Keuangan, Umum dan Logistik", fields.SignerPosition.Value);
        Assert.Equal("Rina Marlina", fields.SignerName.Value);
    }

    [Fact]
    public void Should_not_take_the_closing_as_a_position_when_a_citizen_signs_hormat_saya()
    {
        var fields = ShippedTaxonomy.Parse(SampleLetters.PermohonanInformasi);

        Assert.Null(fields.SignerPosition.Value);
        Assert.Equal(0, fields.SignerName.Confidence);
    }
}
