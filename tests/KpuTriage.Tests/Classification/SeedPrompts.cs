using System.Globalization;
using System.Text;
using KpuTriage.Core.Triage;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Classification;

/// <summary>
/// A prompts folder with the shipped taxonomy and a small seed set written here, so specs
/// about learning do not depend on what the shipped seed set says.
/// </summary>
internal static class SeedPrompts
{
    public const string Header = "letterType\tregister\tunit\turgency\tarchiveCode\tsender\tperihal\texcerpt";

    /// <summary>A desk on SQLite whose classifier learns from this seed set, retrains and reloads as given.</summary>
    public static Task<Desk> StartDeskAsync(string dataDirectory, string promptsDirectory, string retrainInterval)
    {
        Write(promptsDirectory);
        return Desk.StartAsync(new DeskSettings
        {
            DataDirectory = dataDirectory,
            Extra = new Dictionary<string, string>
            {
                ["Prompts:Directory"] = promptsDirectory,
                ["Classifier:RetrainInterval"] = retrainInterval,
                ["Classifier:ReloadInterval"] = "00:00:01",
            },
        });
    }

    public static void Write(string directory)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "prompts", Taxonomy.FileName), Path.Combine(directory, Taxonomy.FileName));
        Directory.CreateDirectory(Path.Combine(directory, "classifier"));
        File.WriteAllText(Path.Combine(directory, "classifier", "seed.tsv"), Seed(), Encoding.UTF8);
    }

    private static string Seed()
    {
        var rows = new StringBuilder(Header).Append('\n');
        string[] halls = ["Aula", "Gedung Pertemuan", "Ruang Rapat", "Halaman Kantor"];
        string[] lenders = ["PT SINAR ABADI", "YAYASAN PENDIDIKAN NUSA", "KOPERASI PEGAWAI", "CV MAJU JAYA"];
        for (var i = 0; i < 8; i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"surat_dinas\tsekretaris\tsubbag_kul\tbiasa\tRT\t{lenders[i % 4]}\tPermohonan Peminjaman {halls[i % 4]}\tKami bermaksud meminjam {halls[i % 4].ToLowerInvariant()} kantor untuk kegiatan kami dan akan menjaga kebersihan serta peralatan yang dipinjam.\n");
            rows.Append(CultureInfo.InvariantCulture, $"surat_dinas\tsekretaris\tsubbag_kul\tbiasa\tKU\tKANTOR PELAYANAN PERBENDAHARAAN NEGARA PURWAKARTA\tPenyampaian Laporan Realisasi Anggaran {i + 1}\tBersama ini kami sampaikan rekonsiliasi realisasi belanja dan pengembalian sisa anggaran satuan kerja.\n");
            rows.Append(CultureInfo.InvariantCulture, $"undangan\tketua\tdiv_teknis\tsegera\tPL\tKOMISI PEMILIHAN UMUM PROVINSI JAWA BARAT\tUndangan Rapat Koordinasi Tahapan {i + 1}\tDalam rangka persiapan pemungutan dan penghitungan suara, kami mengundang Saudara hadir pada rapat koordinasi tahapan.\n");
            rows.Append(CultureInfo.InvariantCulture, $"surat_dinas\tketua\tdiv_hukum\tsegera\tHK\tBADAN PENGAWAS PEMILIHAN UMUM KABUPATEN PURWAKARTA\tPenerusan Rekomendasi Pelanggaran {i + 1}\tBerdasarkan hasil pengawasan, kami meneruskan rekomendasi atas dugaan pelanggaran administrasi untuk ditindaklanjuti.\n");
            rows.Append(CultureInfo.InvariantCulture, $"surat_dinas\tsekretaris\tsubbag_parmas\tbiasa\tSDM\tBADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA\tUsulan Kenaikan Pangkat Pegawai {i + 1}\tBersama ini kami sampaikan daftar pegawai negeri sipil yang diusulkan kenaikan pangkat periode berikutnya.\n");
        }

        return rows.ToString();
    }
}
