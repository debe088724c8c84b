namespace KpuTriage.Tests.Triage;

/// <summary>
/// Letters as a regency KPU office receives them, written the way text extraction gives
/// them back (columns run together, OCR slips). Names and numbers are invented.
/// </summary>
internal static class SampleLetters
{
    /// <summary>An invitation from the provincial KPU; the subject wraps onto an indented second line.</summary>
    public const string KpuProvinsiUndangan = """
        KOMISI PEMILIHAN UMUM
        PROVINSI JAWA BARAT
        Jalan Garut Nomor 11, Bandung 40271, Telepon (022) 7271211
        Laman: jabar.kpu.go.id

        Nomor    : 270/PL.02.1-Und/32/2025                        Bandung, 12 Maret 2025
        Sifat    : Biasa
        Lampiran : 1 (satu) berkas
        Hal      : Undangan Rapat Koordinasi Persiapan
                   Pemutakhiran Data Pemilih Berkelanjutan

        Yth. Ketua KPU Kabupaten/Kota se-Jawa Barat
        di Tempat

        Dengan hormat,
        Dalam rangka persiapan pemutakhiran data pemilih berkelanjutan, bersama ini kami
        mengundang Saudara untuk hadir pada:
        Hari/Tanggal : Kamis, 20 Maret 2025
        Waktu        : 09.00 WIB s.d. selesai
        Tempat       : Aula KPU Provinsi Jawa Barat

        Demikian atas perhatian dan kehadirannya diucapkan terima kasih.

        Ketua,

        Dra. Ummi Wahyuni
        Tembusan:
        1. Ketua KPU RI di Jakarta
        """;

    /// <summary>A Bawaslu surat dinas marked "Segera", dated on the right below the header.</summary>
    public const string BawasluSuratDinas = """
        BADAN PENGAWAS PEMILIHAN UMUM
        KABUPATEN PURWAKARTA
        Jl. Veteran No. 5, Purwakarta 41115. Telp. (0264) 200123

        Nomor     : 180/BAWASLU-PROV.JA-01/PM.00.01/I/2020
        Sifat     : Segera
        Lampiran  : -
        Perihal   : Permintaan Data Daftar Pemilih Tetap

                                                Purwakarta, 14 Januari 2020
        Kepada Yth.
        Ketua KPU Kabupaten Purwakarta
        di -
           Purwakarta

        Sehubungan dengan pelaksanaan pengawasan pemutakhiran data pemilih, kami meminta
        salinan data dimaksud paling lambat tanggal 20 Januari 2020.

        Ketua,

        Ahmad Fauzi
        """;

    /// <summary>A police letter classed Sangat Rahasia, stamped at the top as such letters are.</summary>
    public const string PolresSangatRahasia = """
        SANGAT RAHASIA

        KEPOLISIAN NEGARA REPUBLIK INDONESIA
        DAERAH JAWA BARAT
        RESOR PURWAKARTA
        Jalan Ibrahim Singadilaga No. 2, Purwakarta 41111

        Nomor    : B/412/III/2025/Reskrim
        Sifat    : Sangat Rahasia
        Lampiran : 1 (satu) berkas
        Perihal  : Permintaan Keterangan Terkait Dugaan Tindak Pidana Pemilu

                                            Purwakarta, 5 Maret 2025
        Kepada Yth.
        Ketua KPU Kabupaten Purwakarta

        Dengan hormat, berdasarkan laporan polisi ...

        SANGAT RAHASIA
        """;

    /// <summary>A citizen's PPID request: no kop, no number, no Sifat; personal data in the body.</summary>
    public const string PermohonanInformasi = """
        Purwakarta, 3 Februari 2025

        Hal      : Permohonan Informasi Publik
        Lampiran : Fotokopi KTP

        Kepada Yth.
        Pejabat Pengelola Informasi dan Dokumentasi (PPID)
        KPU Kabupaten Purwakarta
        di Purwakarta

        Dengan hormat,
        Saya yang bertanda tangan di bawah ini:
        Nama       : Siti Nurhaliza
        NIK        : 3214015208900003
        Alamat     : Kp. Cibening RT 02/RW 05, Desa Cibening, Kec. Bungursari
        No. HP     : 0812-2345-6789

        dengan ini mengajukan permohonan informasi publik berupa salinan berita acara
        rekapitulasi hasil penghitungan suara tingkat kabupaten.

        Hormat saya,

        Siti Nurhaliza
        """;

    /// <summary>A forwarded decree whose subject runs over three unindented lines, as a PDF extractor gives it.</summary>
    public const string MultiLinePerihal = """
        KOMISI PEMILIHAN UMUM
        KABUPATEN KARAWANG
        Jl. Jend. Ahmad Yani No. 3, Karawang

        Karawang, 2 Desember 2024
        Nomor : 1/PP.01.1-SD/3215/1/2024
        Sifat : Biasa
        Lampiran : 1 (satu) berkas
        Hal : Penyampaian Salinan Keputusan KPU tentang Penetapan
        Daftar Pemilih Tetap Pemilihan Bupati dan Wakil Bupati
        Karawang Tahun 2024
        Yth. Ketua KPU Kabupaten Purwakarta
        di Purwakarta

        Bersama ini kami sampaikan salinan keputusan dimaksud.
        """;

    /// <summary>A finance office letter whose day was left blank for a hand to fill in.</summary>
    public const string BlankDay = """
        KEMENTERIAN KEUANGAN REPUBLIK INDONESIA
        KANTOR PELAYANAN KEKAYAAN NEGARA DAN LELANG PURWAKARTA
        Jalan Ipik Gandamanah No. 9, Purwakarta

        Nomor    : UND-62/WKN.03/KNL.03/2017                      Purwakarta,       April 2017
        Sifat    : Segera
        Hal      : Undangan Sosialisasi Pengelolaan Barang Milik Negara

        Yth. Sekretaris KPU Kabupaten Purwakarta
        """;

    /// <summary>A letter from an international observer, dated in English.</summary>
    public const string EnglishDate = """
        ASIAN NETWORK FOR FREE ELECTIONS
        Bangkok, Thailand

        Jakarta, 12 March 2025

        No.      : 045/ANFREL/III/2025
        Perihal  : Permohonan Akreditasi Pemantau Pemilihan

        Kepada Yth.
        Ketua KPU Kabupaten Purwakarta
        """;

    /// <summary>An OCR'd scan: a spaced-out number, a semicolon for a colon, doubled spaces.</summary>
    public const string OcrNoise = """
        KOMISI  PEMILIHAN  UMUM
        KABUPATEN PURWAKARTA
        Jl. Ibrahim Singadilaga No. 68 Purwakarta

        Nomor  : 270 /PL.02.1-Und/ 3214/2025
        Sifat : Penting
        Lampiran : -
        Perihal; Undangan Rapat Pleno Terbuka

        Purwakarta, 7 Januari 2025

        Yth. Anggota PPK se-Kabupaten Purwakarta
        """;

    /// <summary>An internal nota dinas: title line, and the date on a "Tanggal" label.</summary>
    public const string NotaDinas = """
        KOMISI PEMILIHAN UMUM
        KABUPATEN PURWAKARTA

        NOTA DINAS
        Nomor   : 15/HK.04-ND/3214/Sek-Kab/2025
        Yth.    : Ketua KPU Kabupaten Purwakarta
        Dari    : Sekretaris
        Hal     : Laporan Penggunaan Anggaran Triwulan I
        Tanggal : 2 April 2025

        Dengan hormat, bersama ini kami laporkan ...
        """;

    /// <summary>A social affairs decree numbered the old way, signed "pada tanggal" at the end.</summary>
    public const string KeputusanDinsos = """
        PEMERINTAH KABUPATEN PURWAKARTA
        DINAS SOSIAL
        Jalan Kapten Halim No. 1, Purwakarta

        KEPUTUSAN KEPALA DINAS SOSIAL KABUPATEN PURWAKARTA
        Nomor : Kpts. 18/DINSOS/II/2017
        TENTANG
        PENETAPAN PENERIMA BANTUAN SOSIAL

        Menimbang : bahwa ... sebagaimana dimaksud dalam Undang-Undang
        Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial;

        Ditetapkan di Purwakarta
        pada tanggal 14 Februari 2017
        """;

    /// <summary>A regency invitation signed on behalf of the Ketua, with a numbered Tembusan and a dated deadline.</summary>
    public const string UndanganAtasNama = """
        KOMISI PEMILIHAN UMUM
        KABUPATEN PURWAKARTA
        Jl. Ibrahim Singadilaga No. 68 Purwakarta

        Nomor    : 45/PP.01.1-Und/3214/2025                       Purwakarta, 10 Maret 2025
        Sifat    : Segera
        Lampiran : 2 (dua) lembar
        Hal      : Undangan Bimbingan Teknis

        Yth. Ketua PPK se-Kabupaten Purwakarta
        di Purwakarta

        Dengan hormat,
        Kami mengundang Saudara pada:
        Hari/Tanggal : Senin, 17 Maret 2025
        Waktu        : 09.00 WIB s.d. selesai
        Tempat       : Aula KPU Kabupaten Purwakarta
                       Jl. Ibrahim Singadilaga No. 68

        Daftar peserta mohon disampaikan paling lambat tanggal 14 Maret 2025 melalui
        surel kpu.purwakarta@gmail.com atau WhatsApp +62 812-3456-7890.

        a.n. Ketua
        Sekretaris,

        Drs. Asep Hidayat, M.Si.
        NIP. 197805122005011003

        Tembusan Yth.:
        1. Ketua KPU Provinsi Jawa Barat di Bandung;
        2. Bupati Purwakarta
           di Purwakarta;
        3. Arsip.
        """;

    /// <summary>The same invitation as a poor scan: ';' and '.' for ':', 'l' for '1', a wrong weekday, bullets.</summary>
    public const string UndanganOcr = """
        KOMISI PEMILIHAN UMUM
        KABUPATEN PURWAKARTA

        Nomor ; 46/PP.01.1-Und/3214/2025
        Lampiran ; l (satu) berkas
        Hal ; Undangan Rapat Pleno

        Kepada  Yth.
        Ketua  Bawaslu  Kabupaten  Purwakarta
        di -
           Purwakarta

        Dengan hormat,
        Hari / Tanggal ; Selasa , l7 Maret 2025
        Waktu . l3.30 WIB
        Tempat ; Ruang Rapat KPU Kabupaten Purwakarta

        Konfirmasi kehadiran selambat-lambatnya 3 (tiga) hari kerja
        sebelum acara.

        Plh. Kepala Bagian Keuangan, Umum dan Logistik,

        Rina Marlina
        TEMBUSAN :
        - Ketua KPU Kabupaten Purwakarta
        - Arsip
        """;
}
