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
        ["root"] = ("kputriage — baris perintah KpuTriage: kirim surat ke meja surat, ukur mutu usulan, latih pengklasifikasi.", "kputriage — the KpuTriage command line: submit letters to the desk, measure the proposals, retrain the classifier."),
        ["submit"] = ("Kirim surat (teks, PDF, DOCX, gambar, e-mail .eml) untuk ditriase.", "Submit letters (text, PDF, DOCX, images, .eml e-mail) for triage."),
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
        ["eval"] = ("Jalankan pipeline pada folder surat berlabel dan tampilkan skor tiap kolom.", "Run the pipeline on a folder of labelled letters and print per-field scores."),
        ["eval-folder"] = ("Folder berisi dokumen dan labels.tsv.", "Folder holding the documents and labels.tsv."),
        ["eval-labels"] = ("Berkas label (bawaan: <folder>/labels.tsv).", "Labels file (default: <folder>/labels.tsv)."),
        ["eval-by-rendering"] = ("Tampilkan juga skor per bentuk dokumen (docx, pdf, scan, text).", "Also show the scores per rendering (docx, pdf, scan, text)."),
        ["eval-json"] = ("Tulis semua angka sebagai JSON ke berkas ini.", "Write every number as JSON to this file."),
        ["eval-data-dir"] = ("Folder data proses evaluasi (harus kosong; disimpan sesudahnya). Bawaan: folder sementara yang dihapus.", "Data folder of the evaluation run (must be empty; kept afterwards). Default: a temporary folder, deleted."),
        ["eval-prompts"] = ("Folder prompts (taksonomi). Bawaan: prompts/ di samping program.", "Prompts folder (taxonomy). Default: prompts/ beside the binaries."),
        ["folder-missing"] = ("Folder tidak ditemukan: {0}", "Folder not found: {0}"),
        ["labels-missing"] = ("Berkas label tidak ditemukan: {0}", "Labels file not found: {0}"),
        ["labels-invalid"] = ("Berkas label tidak sah: {0}", "Invalid labels file: {0}"),
        ["data-dir-not-empty"] = ("Folder data harus kosong: {0}", "The data folder must be empty: {0}"),
        ["prompts-invalid"] = ("Folder prompts tidak dapat dipakai: {0}", "Cannot use the prompts folder: {0}"),
        ["no-documents"] = ("Tidak ada dokumen di {0}", "No documents in {0}"),
        ["eval-progress"] = ("Memproses {0} dokumen", "Processing {0} document(s)"),
        ["eval-failed"] = ("Evaluasi gagal: {0}", "The evaluation failed: {0}"),
        ["stuck"] = ("Batas waktu {0} habis; dokumen yang belum selesai: {1}", "Timed out after {0}; documents still unfinished: {1}"),
        ["all-documents"] = ("Semua dokumen", "All documents"),
        ["rendering-group"] = ("Bentuk: {0}", "Rendering: {0}"),
        ["no-scored"] = ("Tidak ada dokumen berlabel untuk dinilai.", "No labelled documents to score."),
        ["col-field"] = ("kolom", "field"),
        ["col-n"] = ("n", "n"),
        ["col-exact"] = ("tepat", "exact"),
        ["col-normalised"] = ("ternormalisasi", "normalised"),
        ["col-accuracy"] = ("akurasi", "accuracy"),
        ["col-reason"] = ("alasan triase manual", "manual triage reason"),
        ["col-count"] = ("jumlah", "count"),
        ["col-expected"] = ("label", "expected"),
        ["col-proposed"] = ("usulan (= sama)", "proposed (= same)"),
        ["confusion"] = ("{0}: baris = label, kolom = usulan", "{0}: rows = expected, columns = proposed"),
        ["manual"] = ("Triase manual: {0} dari {1} dokumen ({2}).", "Manual triage: {0} of {1} documents ({2})."),
        ["latency"] = ("Waktu mesin per dokumen (diterima → usulan): p50 {0}, p95 {1} (n={2}).", "Machine time per document (received → proposal): p50 {0}, p95 {1} (n={2})."),
        ["wall-clock"] = ("Waktu total {0} untuk {1} dokumen: {2} per dokumen.", "Wall clock {0} for {1} documents: {2} per document."),
        ["prompt-versions"] = ("Versi prompt: {0}", "Prompt version: {0}"),
        ["unlabelled"] = ("Dokumen tanpa label (tidak dinilai): {0}", "Documents with no label (not scored): {0}"),
        ["unmatched"] = ("Label tanpa dokumen: {0}", "Labels matching no document: {0}"),
        ["refused-file"] = ("Ditolak saat diterima: {0} — {1}", "Refused at intake: {0} — {1}"),
        ["json-written"] = ("JSON ditulis ke {0}", "JSON written to {0}"),
        ["data-kept"] = ("Data evaluasi disimpan di {0}", "Evaluation data kept in {0}"),
        ["classifier"] = ("Pengklasifikasi lokal (jenis surat, register, unit, urgensi, kode arsip).", "The local classifier (letter type, register, unit, urgency, archive code)."),
        ["classifier-retrain"] = ("Latih ulang sekarang dari set awal dan semua keputusan yang disetujui; layanan yang berjalan memakainya dalam satu menit.", "Retrain now from the seed set and every approved decision; running services pick it up within a minute."),
        ["settings-file"] = ("Berkas pengaturan kantor (mis. appsettings.json meja surat); selain itu variabel lingkungan.", "The office's settings file (e.g. the desk's appsettings.json); environment variables otherwise."),
        ["classifier-trained"] = ("Model {0} dilatih dari {1} contoh awal + {2} keputusan disetujui dalam {3} detik.", "Model {0} trained on {1} seed examples + {2} approved decisions in {3} s."),
        ["classifier-failed"] = ("Pelatihan gagal: {0}", "Training failed: {0}"),
        ["database-not-ready"] = ("Basis data belum diperbarui ({0}): jalankan meja surat atau worker sekali dahulu.", "The database is not up to date ({0}): start the desk or a worker once first."),
        ["users"] = ("Kelola akun meja surat (pencatat, supervisor, admin).", "Manage the desk's accounts (clerks, supervisors, admins)."),
        ["users-name"] = ("Nama pengguna.", "User name."),
        ["users-roles"] = ("Peran: clerk, supervisor, admin (boleh lebih dari satu).", "Roles: clerk, supervisor, admin (one or more)."),
        ["users-password-stdin"] = ("Baca kata sandi dari masukan standar.", "Read the password from standard input."),
        ["users-list"] = ("Tampilkan semua akun.", "List every account."),
        ["users-add"] = ("Buat akun baru.", "Create an account."),
        ["users-password"] = ("Ganti kata sandi akun.", "Set an account's password."),
        ["users-set-roles"] = ("Ganti peran akun.", "Set an account's roles."),
        ["users-disable"] = ("Nonaktifkan akun (sesinya berakhir).", "Disable an account (its sessions end)."),
        ["users-enable"] = ("Aktifkan kembali akun.", "Enable an account again."),
        ["users-added"] = ("Akun {0} dibuat dengan peran {1}.", "Account {0} created with roles {1}."),
        ["users-saved"] = ("Akun {0} disimpan.", "Account {0} saved."),
        ["users-failed"] = ("Gagal: {0}", "Failed: {0}"),
        ["users-exists"] = ("Nama itu sudah dipakai.", "That name is taken."),
        ["users-no-password"] = ("Tidak ada kata sandi pada masukan standar.", "No password on standard input."),
        ["users-password-prompt"] = ("Kata sandi:", "Password:"),
        ["col-user"] = ("pengguna", "user"),
        ["col-roles"] = ("peran", "roles"),
        ["col-state"] = ("keadaan", "state"),
        ["col-key"] = ("kunci", "key"),
        ["active"] = ("aktif", "active"),
        ["disabled"] = ("nonaktif", "disabled"),
        ["revoked"] = ("dicabut", "revoked"),
        ["keys"] = ("Kelola kunci API integrasi.", "Manage integration API keys."),
        ["keys-name"] = ("Nama integrasi (juga sumber bawaan dokumennya).", "Integration name (also its documents' default source)."),
        ["keys-list"] = ("Tampilkan semua kunci.", "List every key."),
        ["keys-add"] = ("Buat kunci baru; kunci dicetak sekali di baris terakhir.", "Create a key; it is printed once, on the last line."),
        ["keys-revoke"] = ("Cabut kunci.", "Revoke a key."),
        ["keys-added"] = ("Kunci {0} dibuat; simpan sekarang, tidak ditampilkan lagi:", "Key {0} created; keep it now, it is not shown again:"),
        ["keys-revoked"] = ("Kunci {0} dicabut.", "Key {0} revoked."),
        ["keys-unknown"] = ("Tidak ada kunci bernama {0}.", "There is no key named {0}."),
    };

    public static bool English => string.Equals(Environment.GetEnvironmentVariable("KPUTRIAGE_LANG"), "en", StringComparison.OrdinalIgnoreCase);

    /// <summary>How numbers are written in messages.</summary>
    public static CultureInfo Culture => English ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("id-ID");

    public static string Get(string key, params object[] args)
    {
        var (id, en) = Texts[key];
        return string.Format(CultureInfo.InvariantCulture, English ? en : id, args);
    }
}
