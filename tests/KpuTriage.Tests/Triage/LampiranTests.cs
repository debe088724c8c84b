namespace KpuTriage.Tests.Triage;

public sealed class LampiranTests
{
    [Fact]
    public void Should_read_the_count_when_the_letter_lists_attachments()
    {
        var lampiran = ShippedTaxonomy.Parse(SampleLetters.UndanganAtasNama).Lampiran;

        Assert.Equal("2 (dua) lembar", lampiran.Value);
        Assert.Equal("Lampiran : 2 (dua) lembar", lampiran.Evidence?.Quote);
        Assert.False(lampiran.IsLowConfidence);
    }

    [Fact]
    public void Should_propose_a_dash_when_the_letter_has_no_attachment()
    {
        var lampiran = ShippedTaxonomy.Parse(SampleLetters.BawasluSuratDinas).Lampiran;

        Assert.Equal("-", lampiran.Value);
    }

    [Fact]
    public void Should_read_a_one_for_an_l_when_ocr_misread_the_digit_and_colon()
    {
        var lampiran = ShippedTaxonomy.Parse(SampleLetters.UndanganOcr).Lampiran;

        Assert.Equal("1 (satu) berkas", lampiran.Value);
        Assert.Equal("Lampiran ; l (satu) berkas", lampiran.Evidence?.Quote);
        Assert.True(lampiran.Confidence < 0.9);
    }

    [Fact]
    public void Should_be_missing_with_zero_confidence_when_the_letter_prints_no_lampiran()
    {
        var lampiran = ShippedTaxonomy.Parse(SampleLetters.NotaDinas).Lampiran;

        Assert.Null(lampiran.Value);
        Assert.Equal(0, lampiran.Confidence);
    }

    [Fact]
    public void Should_not_take_a_body_sentence_when_it_starts_with_lampiran()
    {
        var lampiran = ShippedTaxonomy.Parse("Dengan hormat,\nLampiran surat ini mohon dipelajari.").Lampiran;

        Assert.Null(lampiran.Value);
    }
}
