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

    /// <summary>The same invitation classed Sifat: Rahasia (security rahasia, four eyes by default).</summary>
    public static byte[] RahasiaBytes(int sequence) =>
        Encoding.UTF8.GetBytes(Undangan(sequence).Replace("Sifat    : Segera", "Sifat    : Rahasia", StringComparison.Ordinal));

    /// <summary>A letter whose text is hostile markup: it must be shown as text and run nothing.</summary>
    public static byte[] HostileBytes() => Encoding.UTF8.GetBytes("""
        KOMISI PEMILIHAN UMUM
        KABUPATEN CONTOH

        Nomor    : 9/<img src=x onerror="window.__pwned=1">/2025
        Sifat    : Biasa
        Hal      : <script>window.__pwned=1</script>Permohonan Data

        Yth. Ketua KPU Kabupaten Purwakarta
        Dengan hormat, <img src=x onerror="window.__pwned=2"> kami mohon data pemilih.
        <a href="javascript:window.__pwned=3">klik</a> <svg onload="window.__pwned=4"></svg>

        Ketua,
        Penguji Keamanan
        """);
}
