using KpuTriage.Core.Triage;

namespace KpuTriage.Tests.Triage;

public sealed class LetterNumberTests
{
    [Fact]
    public void Should_read_the_kpu_number_and_stop_at_the_date_column_when_both_share_a_line()
    {
        var number = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan).LetterNumber;

        Assert.Equal("270/PL.02.1-Und/32/2025", number.Value);
        Assert.False(number.IsLowConfidence);
        Assert.Equal("Nomor    : 270/PL.02.1-Und/32/2025", number.Evidence?.Quote);
    }

    [Theory]
    [InlineData(SampleLetters.BawasluSuratDinas, "180/BAWASLU-PROV.JA-01/PM.00.01/I/2020")]
    [InlineData(SampleLetters.BlankDay, "UND-62/WKN.03/KNL.03/2017")]
    [InlineData(SampleLetters.KeputusanDinsos, "Kpts. 18/DINSOS/II/2017")]
    [InlineData(SampleLetters.PolresSangatRahasia, "B/412/III/2025/Reskrim")]
    [InlineData(SampleLetters.NotaDinas, "15/HK.04-ND/3214/Sek-Kab/2025")]
    [InlineData(SampleLetters.EnglishDate, "045/ANFREL/III/2025")]
    public void Should_read_the_number_as_printed_when_another_agency_formats_it_its_own_way(string letter, string expected)
    {
        var number = ShippedTaxonomy.Parse(letter).LetterNumber;

        Assert.Equal(expected, number.Value);
        Assert.False(number.IsLowConfidence);
    }

    [Fact]
    public void Should_remove_ocr_spaces_around_slashes_and_lower_confidence_when_the_number_was_repaired()
    {
        var number = ShippedTaxonomy.Parse(SampleLetters.OcrNoise).LetterNumber;

        Assert.Equal("270/PL.02.1-Und/3214/2025", number.Value);
        Assert.Equal("Nomor  : 270 /PL.02.1-Und/ 3214/2025", number.Evidence?.Quote);
        Assert.InRange(number.Confidence, 0.6, 0.85);
    }

    [Fact]
    public void Should_find_no_number_when_a_citizen_writes_only_a_phone_number_label()
    {
        var number = ShippedTaxonomy.Parse(SampleLetters.PermohonanInformasi).LetterNumber;

        Assert.Null(number.Value);
        Assert.Equal(0, number.Confidence);
    }

    [Fact]
    public void Should_not_take_a_law_cited_in_the_body_when_its_line_starts_with_nomor()
    {
        var number = ShippedTaxonomy.Parse("""
            Dengan hormat, sesuai ketentuan Undang-Undang
            Nomor 7 Tahun 2017 tentang Pemilihan Umum, kami sampaikan
            """).LetterNumber;

        Assert.Null(number.Value);
    }

    [Fact]
    public void Should_flag_the_number_when_its_sequence_was_never_filled_in()
    {
        var number = ShippedTaxonomy.Parse("""
            Nomor : /PL.02.1-SD/3214/2025
            Hal   : Pemberitahuan
            """).LetterNumber;

        Assert.Equal("/PL.02.1-SD/3214/2025", number.Value);
        Assert.True(number.IsLowConfidence);
    }

    [Fact]
    public void Should_read_a_decree_number_when_the_title_block_prints_nomor_tahun()
    {
        var number = ShippedTaxonomy.Parse("""
            SURAT EDARAN
            NOMOR 5 TAHUN 2025
            TENTANG
            PELAKSANAAN PEMUTAKHIRAN DATA PEMILIH BERKELANJUTAN
            """).LetterNumber;

        Assert.Equal("5 TAHUN 2025", number.Value);
    }
}
