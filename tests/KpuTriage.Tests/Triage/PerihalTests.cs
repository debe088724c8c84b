namespace KpuTriage.Tests.Triage;

public sealed class PerihalTests
{
    [Fact]
    public void Should_join_the_indented_continuation_when_the_subject_wraps()
    {
        var perihal = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan).Perihal;

        Assert.Equal("Undangan Rapat Koordinasi Persiapan Pemutakhiran Data Pemilih Berkelanjutan", perihal.Value);
        Assert.False(perihal.IsLowConfidence);
        Assert.EndsWith("Pemutakhiran Data Pemilih Berkelanjutan", perihal.Evidence?.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_join_unindented_continuations_and_stop_at_the_addressee_when_the_subject_runs_three_lines()
    {
        var perihal = ShippedTaxonomy.Parse(SampleLetters.MultiLinePerihal).Perihal;

        Assert.Equal(
            "Penyampaian Salinan Keputusan KPU tentang Penetapan Daftar Pemilih Tetap Pemilihan Bupati dan Wakil Bupati Karawang Tahun 2024",
            perihal.Value);
    }

    [Fact]
    public void Should_stop_at_the_next_label_when_lampiran_follows_the_subject()
    {
        var perihal = ShippedTaxonomy.Parse(SampleLetters.PermohonanInformasi).Perihal;

        Assert.Equal("Permohonan Informasi Publik", perihal.Value);
        Assert.Equal("Hal      : Permohonan Informasi Publik", perihal.Evidence?.Quote);
    }

    [Fact]
    public void Should_accept_a_semicolon_when_ocr_misread_the_colon()
    {
        var perihal = ShippedTaxonomy.Parse(SampleLetters.OcrNoise).Perihal;

        Assert.Equal("Undangan Rapat Pleno Terbuka", perihal.Value);
        Assert.Equal("Perihal; Undangan Rapat Pleno Terbuka", perihal.Evidence?.Quote);
        Assert.True(perihal.Confidence < 0.9);
    }

    [Fact]
    public void Should_not_take_a_body_sentence_when_it_starts_with_hal()
    {
        var perihal = ShippedTaxonomy.Parse("""
            Dengan hormat,
            Hal tersebut di atas kami sampaikan untuk diketahui.
            """).Perihal;

        Assert.Null(perihal.Value);
    }

    [Fact]
    public void Should_cut_the_addressee_off_when_it_is_printed_on_the_same_line()
    {
        var perihal = ShippedTaxonomy.Parse("Hal : Undangan Rapat Pleno Kepada Yth. Ketua KPU Kabupaten Purwakarta").Perihal;

        Assert.Equal("Undangan Rapat Pleno", perihal.Value);
    }
}
