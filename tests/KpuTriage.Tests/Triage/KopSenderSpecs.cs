namespace KpuTriage.Tests.Triage;

/// <summary>
/// The sender is the most specific body of the kop, its hierarchy after it and in the
/// evidence; a letter with no textual kop is sent by its signer's office. The letters are
/// written here in the style of real ones (a scan's spacing, an office under a ministry).
/// </summary>
public sealed class KopSenderSpecs
{
    private const string KemenagKop = """
        KEMENTERIAN AGAMA REPUBLIK INDONESIA
        KANTOR KEMENTERIAN AGAMA KABUPATEN SUBANG
        Jalan Aipda K.S. Tubun No. 12 Subang 41211 Telepon (0260) 411234

        Nomor   : B-1021/Kk.10.13/1/HM.00/03/2026            Subang, 2 Maret 2026
        Sifat   : Biasa
        Lampiran: -
        Hal     : Data Penghulu untuk Pengawasan Pemilu

        Yth. Ketua KPU Kabupaten Subang
        di Subang

        Dengan hormat, bersama ini kami sampaikan data penghulu di Kabupaten Subang.
        """;

    [Fact]
    public void Should_name_the_office_first_and_its_ministry_after_it_when_the_kop_is_a_hierarchy()
    {
        var sender = ShippedTaxonomy.Parse(KemenagKop).Sender;

        Assert.Equal("KANTOR KEMENTERIAN AGAMA KABUPATEN SUBANG, KEMENTERIAN AGAMA REPUBLIK INDONESIA", sender.Value);
        Assert.False(sender.IsLowConfidence);
    }

    [Fact]
    public void Should_quote_the_whole_hierarchy_in_the_evidence_when_the_kop_names_an_office_under_a_ministry()
    {
        var sender = ShippedTaxonomy.Parse(KemenagKop).Sender;

        Assert.Equal("KEMENTERIAN AGAMA REPUBLIK INDONESIA\nKANTOR KEMENTERIAN AGAMA KABUPATEN SUBANG", sender.Evidence?.Quote.Replace("\r", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_keep_the_unit_below_the_office_when_the_scan_spaces_the_kop_lines_with_blank_lines()
    {
        var sender = ShippedTaxonomy.ParseOcr("""
            PEMERINTAH KABUPATEN KARAWANG

            DINAS KESEHATAN

            UPTD PUSKESMAS TELAGASARI

            Jl. Raya Telagasari No. 7 Karawang Kode Pos 41381 Telp. (0267) 431122

            Nomor    : 440/118/PKM-TLG/2026                  Telagasari, 5 Februari 2026
            Lampiran : -
            Perihal  : Permohonan Data Pemilih Disabilitas

            Kepada
            Yth. Ketua KPU Kabupaten Karawang
            """).Sender;

        Assert.Equal("UPTD PUSKESMAS TELAGASARI, DINAS KESEHATAN, PEMERINTAH KABUPATEN KARAWANG", sender.Value);
    }

    [Fact]
    public void Should_keep_a_body_name_whole_when_it_runs_over_two_kop_lines()
    {
        var sender = ShippedTaxonomy.Parse("""
            PEMERINTAH KABUPATEN KARAWANG
            BADAN PERENCANAAN PEMBANGUNAN,
            PENELITIAN DAN PENGEMBANGAN DAERAH
            Jl. Jend. A. Yani No. 1 Karawang Telp. (0267) 402345

            Nomor : 050/211/Bappelitbangda                   Karawang, 9 Januari 2026
            Hal   : Permintaan Data Hasil Pemilihan
            """).Sender;

        Assert.Equal("BADAN PERENCANAAN PEMBANGUNAN, PENELITIAN DAN PENGEMBANGAN DAERAH, PEMERINTAH KABUPATEN KARAWANG", sender.Value);
    }

    [Fact]
    public void Should_stop_the_kop_at_a_stamp_word_when_it_follows_the_kop_after_a_gap()
    {
        // Guards the blank-line rule above: a lone "SALINAN" stamped over a keputusan is no body.
        var sender = ShippedTaxonomy.Parse("""
            KOMISI PEMILIHAN UMUM
            PROVINSI JAWA BARAT

            SALINAN

            KEPUTUSAN KOMISI PEMILIHAN UMUM PROVINSI JAWA BARAT
            NOMOR 12 TAHUN 2026
            """).Sender;

        Assert.Equal("KOMISI PEMILIHAN UMUM PROVINSI JAWA BARAT", sender.Value);
    }

    [Fact]
    public void Should_take_the_signers_office_when_a_bupati_signs_a_letter_without_a_textual_kop()
    {
        // A Garuda letterhead is an image: OCR gives no kop, the letter starts at its date.
        var fields = ShippedTaxonomy.Parse("""
            Subang, 14 Januari 2026

            Kepada Yth.
            Ketua KPU Kabupaten Subang
            di -
            Subang

            SURAT EDARAN
            NOMOR: 270/45/Pem
            TENTANG
            NETRALITAS APARATUR SIPIL NEGARA

            Dalam rangka pelaksanaan pemilihan, diminta kepada seluruh aparatur sipil negara untuk menjaga netralitas.

            BUPATI SUBANG,



            Drs. H. ASEP SOPANDI, M.Si.
            """);

        Assert.Equal("BUPATI SUBANG", fields.Sender.Value);
    }

    [Fact]
    public void Should_take_the_principals_office_when_the_letter_is_signed_on_behalf_of_a_rektor()
    {
        var sender = ShippedTaxonomy.Parse("""
            Bandung, 20 Februari 2026

            Nomor : 512/UN40.R/KM/2026
            Hal   : Permohonan Izin Observasi

            Yth. Ketua KPU Provinsi Jawa Barat
            di Bandung

            Dengan hormat, kami mohon izin bagi mahasiswa kami untuk melakukan observasi pada bulan Maret 2026.

            a.n. Rektor Universitas Pasundan
            Wakil Rektor Bidang Akademik,



            Prof. Dr. Rina Kartika, M.Si.
            """).Sender;

        Assert.Equal("Rektor Universitas Pasundan", sender.Value);
    }

    [Fact]
    public void Should_not_take_a_bare_position_for_the_sender_when_it_names_no_office()
    {
        var sender = ShippedTaxonomy.Parse("""
            Purwakarta, 3 Maret 2026

            Hal : Pengaduan Data Pemilih

            Yth. Ketua KPU Kabupaten Purwakarta

            Dengan hormat, saya mohon nama saya dicantumkan dalam daftar pemilih tetap.
            Nama : Wawan Setiawan

            Ketua,



            Wawan Setiawan
            """).Sender;

        Assert.Equal("Wawan Setiawan", sender.Value);
    }
}
