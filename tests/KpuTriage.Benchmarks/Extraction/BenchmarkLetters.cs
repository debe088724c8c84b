using System.Globalization;

namespace KpuTriage.Benchmarks.Extraction;

/// <summary>
/// Makes distinct letters from a few pools, so no two pages share their text: OCR and the
/// parser must not be timed on one page read over and over (caches, identical branches).
/// </summary>
internal static class BenchmarkLetters
{
    private static readonly string[] Senders =
    [
        "KOMISI PEMILIHAN UMUM PROVINSI JAWA BARAT", "KOMISI PEMILIHAN UMUM KABUPATEN BOGOR",
        "KOMISI PEMILIHAN UMUM KOTA BANDUNG", "KOMISI PEMILIHAN UMUM KABUPATEN GARUT",
        "KOMISI PEMILIHAN UMUM KOTA BEKASI", "KOMISI PEMILIHAN UMUM KABUPATEN CIREBON",
    ];

    private static readonly string[] Cities = ["Bandung", "Cibinong", "Bandung", "Garut", "Bekasi", "Sumber"];

    private static readonly string[] Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly (string Code, string Hal)[] Subjects =
    [
        ("PL.02.1-Und", "Undangan Rapat Koordinasi Pemutakhiran Data Pemilih"),
        ("PL.01.2-SD", "Penyampaian Jadwal Tahapan Pemilihan Kepala Daerah"),
        ("KU.02-SD", "Laporan Pertanggungjawaban Dana Hibah Pemilihan"),
        ("SDM.03-Und", "Undangan Bimbingan Teknis Badan Adhoc"),
        ("HK.05-SD", "Permohonan Data Sengketa Proses Pemilihan"),
        ("PP.04-SD", "Pengiriman Logistik Surat Suara dan Formulir"),
    ];

    private static readonly string[] Sifats = ["Segera", "Biasa", "Penting", "Sangat Segera", "Rahasia", "Biasa"];

    private static readonly string[] Sentences =
    [
        "Dalam rangka persiapan tahapan pemilihan, kami mengundang Saudara untuk hadir",
        "pada rapat koordinasi yang akan dilaksanakan di kantor sekretariat provinsi.",
        "Sehubungan dengan hal tersebut, mohon Saudara menyiapkan data pemilih terbaru",
        "beserta rekapitulasi hasil pencocokan dan penelitian di setiap kecamatan.",
        "Kegiatan ini bertujuan menyamakan pemahaman atas jadwal dan program kerja",
        "serta memastikan kesiapan sarana dan prasarana pada hari pemungutan suara.",
        "Biaya perjalanan dinas peserta dibebankan pada anggaran masing-masing satuan kerja.",
        "Peserta diharapkan membawa laptop dan salinan keputusan penetapan badan adhoc.",
        "Laporan disampaikan paling lambat tujuh hari kerja setelah kegiatan berakhir",
        "melalui aplikasi sistem informasi dan salinan fisik kepada bagian tata usaha.",
        "Apabila terdapat kendala, Saudara dapat menghubungi narahubung yang tercantum",
        "dalam lampiran surat ini pada hari dan jam kerja.",
    ];

    public static IReadOnlyList<BenchmarkLetter> Make(int count) => [.. Enumerable.Range(0, count).Select(Letter)];

    private static BenchmarkLetter Letter(int i)
    {
        var (code, hal) = Subjects[i % Subjects.Length];
        var sequence = 101 + (i * 37);
        var number = string.Create(CultureInfo.InvariantCulture, $"{sequence}/{code}/32/2025");
        var date = string.Create(CultureInfo.InvariantCulture, $"{Cities[i % Cities.Length]}, {1 + (i * 3 % 28)} {Months[i % 12]} 2025");
        string[] fields =
        [
            "Nomor : " + number, "Sifat : " + Sifats[i % Sifats.Length], "Lampiran : 1 (satu) berkas", "Hal : " + hal,
            "Yth. Ketua KPU Kabupaten/Kota se-Jawa Barat", "di Tempat",
        ];
        string[] body = [.. Paragraph(i, 8), "Demikian kami sampaikan, atas perhatian Saudara diucapkan terima kasih.", "Ketua,", "Ahmad Saputra"];
        return new BenchmarkLetter(
            number,
            [Senders[i % Senders.Length], "Jalan Garut No. " + (11 + i).ToString(CultureInfo.InvariantCulture) + ", Kota Bandung 40271"],
            date,
            fields,
            body,
            [Paragraph(i + 3, 44), Attachment(i, 44)]);
    }

    // Sentences rotated by the letter's index: every page has its own text.
    private static string[] Paragraph(int seed, int lines) =>
        [.. Enumerable.Range(0, lines).Select(l => Sentences[(seed + l) % Sentences.Length])];

    private static string[] Attachment(int seed, int lines) =>
    [
        "Lampiran: Daftar Peserta Rapat Koordinasi",
        .. Enumerable.Range(1, lines - 1).Select(n => string.Create(CultureInfo.InvariantCulture,
            $"{n}. Operator Sidalih KPU Kabupaten {Cities[(seed + n) % Cities.Length]} nomor peserta {seed * 100 + n}")),
    ];
}
