namespace KpuTriage.Tests.Triage;

public sealed class AddresseeTests
{
    [Fact]
    public void Should_keep_the_addressee_and_drop_the_place_when_di_follows_on_the_next_line()
    {
        var addressee = ShippedTaxonomy.Parse(SampleLetters.MultiLinePerihal).Addressee;

        Assert.Equal("Ketua KPU Kabupaten Purwakarta", addressee.Value);
        Assert.Equal("Yth. Ketua KPU Kabupaten Purwakarta", addressee.Evidence?.Quote);
        Assert.False(addressee.IsLowConfidence);
    }

    [Fact]
    public void Should_read_the_line_under_the_label_when_kepada_yth_stands_alone()
    {
        var addressee = ShippedTaxonomy.Parse(SampleLetters.BawasluSuratDinas).Addressee;

        Assert.Equal("Ketua KPU Kabupaten Purwakarta", addressee.Value);
    }

    [Fact]
    public void Should_join_two_lines_when_the_addressee_wraps_before_the_place()
    {
        var addressee = ShippedTaxonomy.Parse(SampleLetters.PermohonanInformasi).Addressee;

        Assert.Equal("Pejabat Pengelola Informasi dan Dokumentasi (PPID) KPU Kabupaten Purwakarta", addressee.Value);
    }

    [Fact]
    public void Should_read_the_value_after_the_colon_when_a_nota_dinas_labels_yth()
    {
        var addressee = ShippedTaxonomy.Parse(SampleLetters.NotaDinas).Addressee;

        Assert.Equal("Ketua KPU Kabupaten Purwakarta", addressee.Value);
    }

    [Fact]
    public void Should_collapse_doubled_spaces_when_the_scan_is_noisy()
    {
        var addressee = ShippedTaxonomy.Parse(SampleLetters.UndanganOcr).Addressee;

        Assert.Equal("Ketua Bawaslu Kabupaten Purwakarta", addressee.Value);
    }

    [Fact]
    public void Should_cut_the_place_when_it_runs_onto_the_addressee_line()
    {
        var addressee = ShippedTaxonomy.Parse("Yth. Ketua KPU Kabupaten Purwakarta di Purwakarta").Addressee;

        Assert.Equal("Ketua KPU Kabupaten Purwakarta", addressee.Value);
    }
}
