namespace KpuTriage.Tests.Triage;

public sealed class SenderTests
{
    [Theory]
    [InlineData(SampleLetters.KpuProvinsiUndangan, "KOMISI PEMILIHAN UMUM PROVINSI JAWA BARAT")]
    [InlineData(SampleLetters.BawasluSuratDinas, "BADAN PENGAWAS PEMILIHAN UMUM KABUPATEN PURWAKARTA")]
    [InlineData(SampleLetters.KeputusanDinsos, "DINAS SOSIAL, PEMERINTAH KABUPATEN PURWAKARTA")]
    [InlineData(SampleLetters.BlankDay, "KANTOR PELAYANAN KEKAYAAN NEGARA DAN LELANG PURWAKARTA, KEMENTERIAN KEUANGAN REPUBLIK INDONESIA")]
    public void Should_join_the_kop_lines_and_stop_at_the_address_when_an_agency_writes(string letter, string expected)
    {
        var sender = ShippedTaxonomy.Parse(letter).Sender;

        Assert.Equal(expected, sender.Value);
        Assert.False(sender.IsLowConfidence);
    }

    [Fact]
    public void Should_quote_both_kop_lines_when_the_kop_spans_two_lines()
    {
        var sender = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan).Sender;

        Assert.Equal("KOMISI PEMILIHAN UMUM\nPROVINSI JAWA BARAT", sender.Evidence?.Quote);
    }

    [Fact]
    public void Should_skip_the_classification_stamp_when_it_is_printed_above_the_kop()
    {
        var sender = ShippedTaxonomy.Parse(SampleLetters.PolresSangatRahasia).Sender;

        Assert.Equal("KEPOLISIAN NEGARA REPUBLIK INDONESIA DAERAH JAWA BARAT RESOR PURWAKARTA", sender.Value);
    }

    [Fact]
    public void Should_collapse_ocr_double_spaces_when_the_kop_was_scanned()
    {
        var sender = ShippedTaxonomy.Parse(SampleLetters.OcrNoise).Sender;

        Assert.Equal("KOMISI PEMILIHAN UMUM KABUPATEN PURWAKARTA", sender.Value);
    }

    [Fact]
    public void Should_stop_the_kop_at_the_title_when_a_nota_dinas_has_no_address()
    {
        var sender = ShippedTaxonomy.Parse(SampleLetters.NotaDinas).Sender;

        Assert.Equal("KOMISI PEMILIHAN UMUM KABUPATEN PURWAKARTA", sender.Value);
    }

    [Fact]
    public void Should_use_the_writers_name_with_low_confidence_when_a_citizen_writes_without_a_kop()
    {
        var sender = ShippedTaxonomy.Parse(SampleLetters.PermohonanInformasi).Sender;

        Assert.Equal("Siti Nurhaliza", sender.Value);
        Assert.True(sender.IsLowConfidence);
    }

    [Fact]
    public void Should_not_take_a_document_title_for_a_kop_when_a_citizen_heads_the_page_with_one()
    {
        var sender = ShippedTaxonomy.Parse("""
            SURAT PERNYATAAN

            Yang bertanda tangan di bawah ini:
            Nama   : Dedi Kurniawan
            Alamat : Kp. Sukamaju RT 01/RW 02
            """).Sender;

        Assert.Equal("Dedi Kurniawan", sender.Value);
    }
}
