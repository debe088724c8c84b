namespace KpuTriage.Tests.Triage;

/// <summary>Header shapes only OCR produces: colons read as dashes, blank lines inside wrapped values, Roman months read as digits.</summary>
public sealed class OcrHeaderTests
{
    private const string Scanned = """
        DEWAN PIMPINAN CABANG
        PARTAI SURYA NUSANTARA
        KABUPATEN PURWAKARTA

        Nomor - 045/DPC-PSN/PWK/11/2026 Purwakarta, 2 Februari 2026
        Lampiran : 1 (satu) bundel
        Perihal = Permohonan Verifikasi Calon Pengganti Antarwaktu

        Anggota DPRD Kabupaten Purwakarta

        Kepada Yth.
        Ketua Komisi Pemilihan Umum Kabupaten Purwakarta
        """;

    [Fact]
    public void Should_read_a_dash_or_equals_sign_as_the_colon_ocr_lost()
    {
        var fields = ShippedTaxonomy.ParseOcr(Scanned);

        Assert.StartsWith("045/DPC-PSN/PWK/", fields.LetterNumber.Value, StringComparison.Ordinal);
        Assert.StartsWith("Permohonan Verifikasi Calon Pengganti Antarwaktu", fields.Perihal.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_join_a_wrapped_subject_across_the_blank_line_ocr_inserts()
    {
        var perihal = ShippedTaxonomy.ParseOcr(Scanned).Perihal;

        Assert.Equal("Permohonan Verifikasi Calon Pengganti Antarwaktu Anggota DPRD Kabupaten Purwakarta", perihal.Value);
        Assert.True(perihal.Confidence < 0.7);
    }

    [Fact]
    public void Should_not_join_across_a_blank_line_when_the_text_was_not_ocr()
    {
        var perihal = ShippedTaxonomy.Parse(Scanned).Perihal;

        Assert.Equal("Permohonan Verifikasi Calon Pengganti Antarwaktu", perihal.Value);
    }

    [Fact]
    public void Should_put_back_the_roman_month_ocr_read_as_digits_from_the_letters_date()
    {
        var number = ShippedTaxonomy.ParseOcr(Scanned).LetterNumber;

        Assert.Equal("045/DPC-PSN/PWK/II/2026", number.Value);
        Assert.Contains("/11/", number.Evidence?.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_digits_that_are_not_the_letters_month()
    {
        var number = ShippedTaxonomy.ParseOcr(Scanned.Replace("2 Februari 2026", "2 Maret 2026", StringComparison.Ordinal)).LetterNumber;

        Assert.Equal("045/DPC-PSN/PWK/11/2026", number.Value);
    }

    [Fact]
    public void Should_keep_the_month_as_printed_on_a_text_page()
    {
        var number = ShippedTaxonomy.Parse(Scanned).LetterNumber;

        Assert.Equal("045/DPC-PSN/PWK/11/2026", number.Value);
    }

    [Fact]
    public void Should_read_a_lone_bar_in_an_ocr_subject_as_the_roman_one()
    {
        var perihal = ShippedTaxonomy.ParseOcr("""
            KOMISI PEMILIHAN UMUM
            Nomor : 12/PL.01.2-Und/32/2026                     Bandung, 3 April 2026
            Hal : Rekapitulasi Daftar Pemilih Triwulan | Tahun 2026
            """).Perihal;

        Assert.Equal("Rekapitulasi Daftar Pemilih Triwulan I Tahun 2026", perihal.Value);
    }
}
