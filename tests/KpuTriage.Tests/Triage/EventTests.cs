namespace KpuTriage.Tests.Triage;

public sealed class EventTests
{
    [Fact]
    public void Should_read_the_iso_date_confidently_when_the_weekday_matches()
    {
        var eventDate = ShippedTaxonomy.Parse(SampleLetters.UndanganAtasNama).EventDate;

        Assert.Equal("2025-03-17", eventDate.Value);
        Assert.Equal("Hari/Tanggal : Senin, 17 Maret 2025", eventDate.Evidence?.Quote);
        Assert.False(eventDate.IsLowConfidence);
    }

    [Fact]
    public void Should_lower_the_confidence_when_the_weekday_does_not_match_the_date()
    {
        var eventDate = ShippedTaxonomy.Parse(SampleLetters.UndanganOcr).EventDate;

        Assert.Equal("2025-03-17", eventDate.Value);
        Assert.True(eventDate.IsLowConfidence);
    }

    [Fact]
    public void Should_read_the_start_time_and_quote_the_raw_line_when_waktu_is_given()
    {
        var eventTime = ShippedTaxonomy.Parse(SampleLetters.UndanganAtasNama).EventTime;

        Assert.Equal("09:00", eventTime.Value);
        Assert.Equal("Waktu        : 09.00 WIB s.d. selesai", eventTime.Evidence?.Quote);
    }

    [Fact]
    public void Should_read_the_time_when_ocr_put_a_dot_for_the_colon_and_l_for_one()
    {
        var eventTime = ShippedTaxonomy.Parse(SampleLetters.UndanganOcr).EventTime;

        Assert.Equal("13:30", eventTime.Value);
    }

    [Fact]
    public void Should_read_the_venue_with_its_indented_address_when_tempat_wraps()
    {
        var eventPlace = ShippedTaxonomy.Parse(SampleLetters.UndanganAtasNama).EventPlace;

        Assert.Equal("Aula KPU Kabupaten Purwakarta, Jl. Ibrahim Singadilaga No. 68", eventPlace.Value);
    }

    [Fact]
    public void Should_read_the_venue_when_tempat_is_on_one_line()
    {
        var eventPlace = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan).EventPlace;

        Assert.Equal("Aula KPU Provinsi Jawa Barat", eventPlace.Value);
    }

    [Fact]
    public void Should_not_take_the_nota_dinas_date_as_an_event_when_tanggal_is_in_the_header()
    {
        var eventDate = ShippedTaxonomy.Parse(SampleLetters.NotaDinas).EventDate;

        Assert.Null(eventDate.Value);
    }

    [Fact]
    public void Should_be_missing_with_zero_confidence_when_the_letter_has_no_event()
    {
        var fields = ShippedTaxonomy.Parse(SampleLetters.BawasluSuratDinas);

        Assert.All([fields.EventDate, fields.EventTime, fields.EventPlace], f => Assert.Equal(0, f.Confidence));
        Assert.All([fields.EventDate, fields.EventTime, fields.EventPlace], f => Assert.Null(f.Value));
    }
}
