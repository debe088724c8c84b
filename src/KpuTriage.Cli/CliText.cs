using System.Globalization;

namespace KpuTriage.Cli;

/// <summary>
/// What the command line says, in Bahasa Indonesia by default and in English when
/// KPUTRIAGE_LANG=en. Few enough strings that a table beats resource files.
/// </summary>
public static class CliText
{
    private static readonly Dictionary<string, (string Id, string En)> Texts = new()
    {
        ["root"] = ("kputriage — baris perintah KpuTriage: kirim surat ke meja surat.", "kputriage — the KpuTriage command line: submit letters to the desk."),
        ["submit"] = ("Kirim surat (teks, PDF, DOCX, gambar) untuk ditriase.", "Submit letters (text, PDF, DOCX, images) for triage."),
        ["paths"] = ("Berkas atau folder (folder dibaca beserta isinya).", "Files or folders (folders are read recursively)."),
        ["url"] = ("Alamat meja surat (env KPUTRIAGE_URL).", "The desk's address (env KPUTRIAGE_URL)."),
        ["api-key"] = ("Kunci API integrasi (env KPUTRIAGE_API_KEY).", "Integration API key (env KPUTRIAGE_API_KEY)."),
        ["source"] = ("Sumber yang dicatat untuk setiap dokumen.", "The source recorded with each document."),
        ["parallel"] = ("Jumlah unggahan sekaligus.", "Uploads at once."),
        ["need-key"] = ("Perlu kunci API: berikan --api-key atau setel KPUTRIAGE_API_KEY.", "An API key is needed: pass --api-key or set KPUTRIAGE_API_KEY."),
        ["not-found"] = ("Tidak ditemukan: {0}", "Not found: {0}"),
        ["progress"] = ("Mengirim {0} berkas", "Submitting {0} file(s)"),
        ["accepted"] = ("diterima", "accepted"),
        ["refused"] = ("ditolak", "refused"),
        ["summary"] = ("{0} diterima, {1} ditolak.", "{0} accepted, {1} refused."),
        ["unreachable"] = ("meja surat tidak dapat dihubungi: {0}", "cannot reach the desk: {0}"),
        ["unreadable"] = ("berkas tidak dapat dibaca: {0}", "cannot read the file: {0}"),
    };

    public static bool English => string.Equals(Environment.GetEnvironmentVariable("KPUTRIAGE_LANG"), "en", StringComparison.OrdinalIgnoreCase);

    public static string Get(string key, params object[] args)
    {
        var (id, en) = Texts[key];
        return string.Format(CultureInfo.InvariantCulture, English ? en : id, args);
    }
}
