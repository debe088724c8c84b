using System.Text;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>Realistic incoming letters for pipeline tests, each made unique by its sequence number.</summary>
internal static class Letters
{
    public static string Undangan(int sequence) => $"""
        KOMISI PEMILIHAN UMUM
        PROVINSI JAWA BARAT
        Jalan Garut No. 11 Bandung

        Bandung, 12 Maret 2025

        Nomor    : {sequence}/PL.02.1-Und/32/2025
        Sifat    : Segera
        Lampiran : 1 (satu) berkas
        Hal      : Undangan Rapat Koordinasi Pemutakhiran Data Pemilih {sequence}

        Yth. Ketua KPU Kabupaten Purwakarta
        di Purwakarta

        Dalam rangka persiapan pemutakhiran data pemilih berkelanjutan, bersama ini kami
        mengundang Saudara untuk hadir pada rapat koordinasi yang akan dilaksanakan pada:
        Hari/Tanggal : Senin, 17 Maret 2025
        Waktu        : 09.00 WIB s.d. selesai
        Tempat       : Aula KPU Provinsi Jawa Barat

        Demikian atas perhatian dan kehadirannya diucapkan terima kasih.

        Ketua,
        Ahmad Sudrajat
        """;

    public static byte[] UndanganBytes(int sequence) => Encoding.UTF8.GetBytes(Undangan(sequence));
}
