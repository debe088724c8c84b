namespace KpuTriage.Tests.Triage;

public sealed class LetterDateTests
{
    [Fact]
    public void Should_read_the_dated_line_and_ignore_the_event_day_when_an_undangan_lists_both()
    {
        var date = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan).LetterDate;

        Assert.Equal("2025-03-12", date.Value);
        Assert.Equal("Bandung, 12 Maret 2025", date.Evidence?.Quote);
        Assert.False(date.IsLowConfidence);
    }

    [Theory]
    [InlineData(SampleLetters.BawasluSuratDinas, "2020-01-14")]
    [InlineData(SampleLetters.PermohonanInformasi, "2025-02-03")]
    [InlineData(SampleLetters.MultiLinePerihal, "2024-12-02")]
    [InlineData(SampleLetters.PolresSangatRahasia, "2025-03-05")]
    public void Should_read_place_and_date_when_the_letter_is_dated_the_usual_way(string letter, string expected)
    {
        var date = ShippedTaxonomy.Parse(letter).LetterDate;

        Assert.Equal(expected, date.Value);
        Assert.True(date.Confidence >= 0.85);
    }

    [Fact]
    public void Should_read_an_english_month_when_the_sender_writes_in_english()
    {
        var date = ShippedTaxonomy.Parse(SampleLetters.EnglishDate).LetterDate;

        Assert.Equal("2025-03-12", date.Value);
        Assert.Equal("Jakarta, 12 March 2025", date.Evidence?.Quote);
    }

    [Fact]
    public void Should_propose_the_first_of_the_month_with_low_confidence_when_the_day_is_blank()
    {
        var date = ShippedTaxonomy.Parse(SampleLetters.BlankDay).LetterDate;

        Assert.Equal("2017-04-01", date.Value);
        Assert.True(date.Confidence <= 0.3);
        Assert.Equal("Purwakarta,       April 2017", date.Evidence?.Quote);
    }

    [Fact]
    public void Should_read_the_tanggal_label_when_a_nota_dinas_is_dated_in_its_header()
    {
        var date = ShippedTaxonomy.Parse(SampleLetters.NotaDinas).LetterDate;

        Assert.Equal("2025-04-02", date.Value);
        Assert.False(date.IsLowConfidence);
    }

    [Fact]
    public void Should_read_pada_tanggal_when_a_decree_is_dated_where_it_is_signed()
    {
        var date = ShippedTaxonomy.Parse(SampleLetters.KeputusanDinsos).LetterDate;

        Assert.Equal("2017-02-14", date.Value);
        Assert.False(date.IsLowConfidence);
    }

    [Fact]
    public void Should_find_no_date_when_the_only_date_is_in_the_body()
    {
        var date = ShippedTaxonomy.Parse("""
            Hal : Pemberitahuan

            Dengan hormat,
            rapat akan dilaksanakan pada 20 Maret 2025 di aula kantor.
            """).LetterDate;

        Assert.Null(date.Value);
    }

    [Fact]
    public void Should_read_a_bare_date_with_low_confidence_when_the_header_has_no_place()
    {
        var date = ShippedTaxonomy.Parse("""
            Nomor : 12/PP.01-SD/3214/2025
            12 Mei 2025
            Hal : Pemberitahuan
            """).LetterDate;

        Assert.Equal("2025-05-12", date.Value);
        Assert.True(date.IsLowConfidence);
    }

    [Fact]
    public void Should_not_take_the_event_day_when_an_undangan_prints_no_letter_date()
    {
        var date = ShippedTaxonomy.Parse("""
            Hal : Undangan Rapat
            Dengan hormat, kami mengundang Saudara pada:
            Hari/Tanggal : Kamis, 20 Maret 2025
            """).LetterDate;

        Assert.Null(date.Value);
    }
}
