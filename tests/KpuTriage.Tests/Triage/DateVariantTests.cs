namespace KpuTriage.Tests.Triage;

/// <summary>Dates written in the ways only some senders use.</summary>
public sealed class DateVariantTests
{
    [Fact]
    public void Should_read_the_english_month_first_order()
    {
        var date = ShippedTaxonomy.Parse("""
            UNIVERSITAS PERSADA PURWAKARTA
            Nomor     : 0312/LPPM-UPP/KS/II/2026                    Purwakarta, February 10, 2026
            Perihal   : Permohonan Kerja Sama
            """).LetterDate;

        Assert.Equal("2026-02-10", date.Value);
        Assert.Equal("Purwakarta, February 10, 2026", date.Evidence?.Quote);
    }

    [Fact]
    public void Should_read_a_berita_acara_date_written_in_words()
    {
        var date = ShippedTaxonomy.Parse("""
                                  BERITA ACARA
                            PENYERAHAN KOTAK SUARA

            Pada hari ini Senin tanggal dua bulan Desember tahun dua ribu dua puluh empat,
            bertempat di Gudang Logistik KPU Kabupaten Purwakarta, kami yang bertanda tangan
            """).LetterDate;

        Assert.Equal("2024-12-02", date.Value);
        Assert.False(date.IsLowConfidence);
    }

    [Theory]
    [InlineData("dua puluh empat", 24)]
    [InlineData("tiga puluh satu", 31)]
    [InlineData("sebelas", 11)]
    [InlineData("tujuh belas", 17)]
    [InlineData("dua ribu dua puluh lima", 2025)]
    [InlineData("seribu sembilan ratus sembilan puluh sembilan", 1999)]
    public void Should_read_indonesian_number_words(string words, int expected) =>
        Assert.Equal(expected, KpuTriage.Core.Triage.NumberWords.Parse(words));

    [Fact]
    public void Should_not_take_an_events_date_for_the_letters_when_the_day_is_blank()
    {
        var date = ShippedTaxonomy.Parse("""
            KOMISI PEMILIHAN UMUM
            PROVINSI JAWA BARAT

            Nomor     :    /PL.01.2-Und/32/2026                     Bandung,      April 2026
            Hal       : Undangan Rapat Koordinasi

                  Hari/Tanggal  : Selasa, 14 April 2026
                  Waktu         : 09.00 WIB
            """).LetterDate;

        Assert.Equal("2026-04-01", date.Value);
        Assert.True(date.IsLowConfidence);
    }
}
