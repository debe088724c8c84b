namespace KpuTriage.Tests.Triage;

/// <summary>
/// The local summary says what the letter asks or tells: its purpose sentence, not the kop,
/// the header, the addressees or the salutation, in at most three sentences cut where
/// Indonesian sentences end. The letters are written here in the style of real ones.
/// </summary>
public sealed class PurposeSummarySpecs
{
    [Fact]
    public void Should_lead_with_the_purpose_sentence_when_the_letter_opens_with_its_legal_basis()
    {
        var summary = ShippedTaxonomy.Parse("""
            PEMERINTAH KABUPATEN SUBANG
            BADAN KESATUAN BANGSA DAN POLITIK
            Jalan Mayjen Sutoyo No. 45 Subang Telp. (0260) 411333

            Nomor   : 200/77/Kesbangpol                         Subang, 4 Maret 2026
            Lampiran: -
            Hal     : Rapat Koordinasi Forum Kewaspadaan Dini

            Yth. Ketua KPU Kabupaten Subang
            di Subang

            Dengan hormat, berdasarkan Peraturan Menteri Dalam Negeri Nomor 46 Tahun 2019 tentang Kewaspadaan Dini di Daerah dan Peraturan Bupati Subang Nomor 12 Tahun 2021 tentang Forum Kewaspadaan Dini Masyarakat, pemerintah daerah wajib menyelenggarakan forum koordinasi secara berkala.
            Pemantauan keamanan menjelang pemungutan suara dilakukan bersama unsur forum koordinasi pimpinan daerah.
            Sehubungan dengan hal tersebut, kami mengundang Saudara untuk hadir dalam rapat koordinasi forum kewaspadaan dini pada hari Selasa, 10 Maret 2026 pukul 09.00 WIB di Aula Kesbangpol.
            Pertemuan ini juga membahas pembagian tugas antarinstansi selama masa tenang.
            """).Summary.Value!;

        Assert.Contains("kami mengundang Saudara untuk hadir dalam rapat koordinasi forum kewaspadaan dini", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("berdasarkan Peraturan Menteri", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_end_a_sentence_at_s_d_a_n_or_an_academic_title_when_they_carry_full_stops()
    {
        var summary = ShippedTaxonomy.Parse("""
            Hal : Permohonan Izin Magang

            Yth. Ketua KPU Kabupaten Subang

            Dengan hormat, kami mohon izin bagi mahasiswa kami untuk magang pada tanggal 2 Maret s.d. 30 April 2026 di bawah bimbingan Drs. Asep Sunandar, M.Si. dari bagian teknis penyelenggaraan.
            """).Summary.Value!;

        Assert.Equal(
            "kami mohon izin bagi mahasiswa kami untuk magang pada tanggal 2 Maret s.d. 30 April 2026 di bawah bimbingan Drs. Asep Sunandar, M.Si. dari bagian teknis penyelenggaraan.",
            summary);
    }

    [Fact]
    public void Should_end_a_sentence_at_a_year_when_the_next_sentence_follows_on_the_same_line()
    {
        var field = ShippedTaxonomy.Parse("""
            Hal : Penyampaian Jadwal Verifikasi

            Yth. Ketua KPU Kabupaten Subang

            Dengan hormat, verifikasi faktual dukungan calon perseorangan dilaksanakan mulai 3 Maret 2026. Kami mohon Saudara menyiapkan petugas verifikasi di setiap kecamatan sebelum tanggal tersebut.
            """).Summary;

        // Both sentences are summarised; the evidence points at the first one alone.
        Assert.Equal(
            "verifikasi faktual dukungan calon perseorangan dilaksanakan mulai 3 Maret 2026. Kami mohon Saudara menyiapkan petugas verifikasi di setiap kecamatan sebelum tanggal tersebut.",
            field.Value);
        Assert.EndsWith("dilaksanakan mulai 3 Maret 2026.", field.Evidence!.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_drop_the_item_number_and_stop_at_the_colon_when_a_purpose_sentence_introduces_a_list()
    {
        var summary = ShippedTaxonomy.Parse("""
            Hal : Pelaksanaan Sosialisasi Pemilihan

            Yth. Camat se-Kabupaten Subang

            Dengan hormat, dalam rangka sosialisasi pemilihan bupati dan wakil bupati kami mohon bantuan Saudara sebagai berikut:
            1. Menyediakan tempat sosialisasi di kantor kecamatan pada bulan Maret 2026.
            2. Menugaskan satu orang staf sebagai penghubung dengan panitia pemilihan kecamatan.
            """).Summary.Value!;

        Assert.StartsWith("dalam rangka sosialisasi pemilihan bupati dan wakil bupati kami mohon bantuan Saudara sebagai berikut:", summary, StringComparison.Ordinal);
        Assert.Contains(" Menyediakan tempat sosialisasi", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("1.", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("2.", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_leave_out_header_lines_and_the_list_of_addressees_when_ocr_lost_their_colons()
    {
        var summary = ShippedTaxonomy.ParseOcr("""
            PEMERINTAH KABUPATEN SUBANG
            SATUAN POLISI PAMONG PRAJA

            Subang, 9 Februari 2026
            Nomor . 300/118/Satpol
            Sifat Segera
            Perihal > Undangan
            Kepada Yth.
            1. Kepala Dinas Sosial Kab. Subang
            2. Kepala Dinas Kesehatan Kab. Subang
            Ketua KPU Kab. Subang
            di Subang
            Dimohon dengan hormat atas kehadiran Saudara dalam rapat penertiban alat peraga kampanye yang akan diselenggarakan pada:
            Hari/Tanggal : Rabu, 11 Februari 2026
            Tempat : Aula Satpol PP
            """).Summary.Value!;

        Assert.Equal(
            "Dimohon dengan hormat atas kehadiran Saudara dalam rapat penertiban alat peraga kampanye yang akan diselenggarakan pada:",
            summary);
    }

    [Fact]
    public void Should_summarise_what_a_keputusan_decides_when_it_opens_with_menimbang()
    {
        var summary = ShippedTaxonomy.Parse("""
            KOMISI PEMILIHAN UMUM KABUPATEN SUBANG

            KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN SUBANG
            NOMOR 45 TAHUN 2026
            TENTANG
            PEMBENTUKAN TIM PENGELOLA LAMAN PEJABAT PENGELOLA INFORMASI

            KETUA KOMISI PEMILIHAN UMUM KABUPATEN SUBANG,

            Menimbang : a. bahwa untuk melayani permohonan informasi publik secara cepat perlu dibentuk tim pengelola laman pejabat pengelola informasi dan dokumentasi;
            b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Komisi Pemilihan Umum Kabupaten Subang;
            Mengingat : 1. Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;
            2. Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023 tentang Pengelolaan Informasi Publik;
            """).Summary.Value!;

        Assert.StartsWith("bahwa untuk melayani permohonan informasi publik secara cepat perlu dibentuk tim pengelola laman", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("berdasarkan pertimbangan", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Undang-Undang Nomor 14", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Peraturan Komisi", summary, StringComparison.Ordinal);
    }
}
