namespace KpuTriage.Tests.Triage;

/// <summary>Naskah dinas without a Hal line: the subject comes from the title block.</summary>
public sealed class TitleSubjectTests
{
    [Fact]
    public void Should_take_what_tentang_introduces_when_the_title_has_one()
    {
        var perihal = ShippedTaxonomy.Parse("""
            KOMISI PEMILIHAN UMUM
            REPUBLIK INDONESIA

                                   SURAT EDARAN
                                NOMOR 4 TAHUN 2026
                                     TENTANG
             PENYUSUNAN DAN PENGUNDANGAN PRODUK HUKUM DI LINGKUNGAN KOMISI PEMILIHAN
                      UMUM PROVINSI DAN KOMISI PEMILIHAN UMUM KABUPATEN/KOTA

            1.  Latar Belakang
            """).Perihal;

        Assert.Equal("PENYUSUNAN DAN PENGUNDANGAN PRODUK HUKUM DI LINGKUNGAN KOMISI PEMILIHAN UMUM PROVINSI DAN KOMISI PEMILIHAN UMUM KABUPATEN/KOTA", perihal.Value);
        Assert.StartsWith("PENYUSUNAN", perihal.Evidence?.Quote, StringComparison.Ordinal);
        Assert.False(perihal.IsLowConfidence);
    }

    [Fact]
    public void Should_take_the_title_and_its_continuation_when_there_is_no_tentang()
    {
        var perihal = ShippedTaxonomy.Parse("""
            KOMISI PEMILIHAN UMUM KABUPATEN PURWAKARTA
            Jalan Ibrahim Singadilaga Nomor 70, Purwakarta 41111

                                NOTULA RAPAT PLENO
                  EVALUASI PROGRAM PENDIDIKAN PEMILIH TAHUN 2025

            Hari/Tanggal   : Kamis, 8 Januari 2026
            """).Perihal;

        Assert.Equal("NOTULA RAPAT PLENO EVALUASI PROGRAM PENDIDIKAN PEMILIH TAHUN 2025", perihal.Value);
    }

    [Fact]
    public void Should_stop_the_title_at_its_number_line()
    {
        var perihal = ShippedTaxonomy.Parse("""
            KOMISI PEMILIHAN UMUM
            PROVINSI JAWA BARAT

                                   SURAT TUGAS
                           Nomor: 88/SDM.06-ST/32/2026

            Menimbang  :  bahwa dalam rangka supervisi
            """).Perihal;

        Assert.Equal("SURAT TUGAS", perihal.Value);
    }

    [Fact]
    public void Should_prefer_a_printed_hal_line_over_the_title()
    {
        var perihal = ShippedTaxonomy.Parse(SampleLetters.KpuProvinsiUndangan).Perihal;

        Assert.StartsWith("Undangan Rapat Koordinasi", perihal.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_end_a_keputusans_subject_before_its_preamble()
    {
        var perihal = ShippedTaxonomy.ParseOcr("""
            BUPATI PURWAKARTA

            KEPUTUSAN BUPATI PURWAKARTA

            NOMOR 900/Kep.12-BPKAD/2026

            TENTANG

            PENETAPAN PENERIMA HIBAH UANG KEPADA INSTANSI VERTIKAL

            BUPATI PURWAKARTA,

            Menimbang : a. bahwa
            """).Perihal;

        Assert.Equal("PENETAPAN PENERIMA HIBAH UANG KEPADA INSTANSI VERTIKAL", perihal.Value);
    }
}
