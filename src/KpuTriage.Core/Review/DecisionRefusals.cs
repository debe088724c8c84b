using KpuTriage.Core.Refusals;

namespace KpuTriage.Core.Review;

/// <summary>Why a clerk's decision was not taken, in Bahasa Indonesia and English.</summary>
public static class DecisionRefusals
{
    // A value the caller sent is echoed only this far: a refusal must not carry a megabyte back.
    private const int EchoedLength = 80;

    public static Refusal UnknownAction() => new(
        "unknown-action",
        "tindakan harus '{0}', '{1}', '{2}' atau '{3}'.",
        "action must be '{0}', '{1}', '{2}' or '{3}'.",
        [DecisionRequest.Approve, DecisionRequest.ApproveWithCorrections, DecisionRequest.Reject, DecisionRequest.SendBack]);

    public static Refusal CorrectionsNeedAction() => new(
        "corrections-need-action",
        "koreksi memerlukan tindakan '{0}'.",
        "corrections need action '{0}'.",
        [DecisionRequest.ApproveWithCorrections]);

    public static Refusal NoItem() => new(
        "no-item", "tidak ada butir kotak masuk untuk dokumen ini.", "no inbox item for this document.", []);

    public static Refusal AlreadyDecided(string status) => new(
        "already-decided", "dokumen ini sudah berstatus {0}.", "this document is already {0}.", [status]);

    public static Refusal LostRace() => new(
        "lost-race", "orang lain sudah lebih dulu memutuskan butir ini.", "someone else decided this item first.", []);

    public static Refusal HeldByOther(string holder, DateTimeOffset until) => new(
        "held",
        "{0} sedang membuka butir ini sampai pukul {1:HH:mm} (UTC{1:zzz}).",
        "{0} has this item open until {1:HH:mm} (UTC{1:zzz}).",
        [holder, until]);

    public static Refusal NoTextToProposeFrom() => new(
        "no-text",
        "dokumen ini tidak punya teks untuk diusulkan ulang; tolak atau catat secara manual.",
        "this document has no extracted text to propose from; reject it or register it by hand.",
        []);

    public static Refusal ItemChanged() => new(
        "item-changed",
        "butir ini berubah sejak Anda membukanya (misalnya disetujui pertama, dikembalikan, atau diputuskan orang lain); periksa lagi sebelum memutuskan.",
        "this item changed since you opened it (first approved, sent back or decided by someone else); look at it again before deciding.",
        []);

    public static Refusal NeedsSupervisor() => new(
        "needs-supervisor",
        "surat ini memerlukan persetujuan kedua dari supervisor.",
        "this letter needs a supervisor's co-approval.",
        []);

    public static Refusal FirstApproverCannotCoApprove() => new(
        "first-approver",
        "penyetuju pertama tidak boleh sekaligus menyetujui kedua: supervisor lain yang harus.",
        "the first approver cannot also co-approve: another supervisor must.",
        []);

    public static Refusal CoApprovalTakesNoCorrections() => new(
        "co-approval-corrections",
        "persetujuan kedua menyetujui persetujuan pertama apa adanya, tanpa koreksi atau disposisi lain; kembalikan atau tolak untuk mengubahnya.",
        "a co-approval signs the first approval as it is, with no corrections or disposition of its own; send it back or reject it to change it.",
        []);

    public static Refusal OnlySupervisorMayClose() => new(
        "four-eyes-close",
        "surat ini berada dalam aturan empat mata (sifatnya memerlukan persetujuan kedua, atau menunggu persetujuan kedua): hanya supervisor yang boleh menolak atau mengembalikannya.",
        "this letter is under four eyes (its security needs a co-approval, or it awaits one): only a supervisor may reject it or send it back.",
        []);

    public static Refusal UnknownField(string field) => new(
        "unknown-field",
        "kolom '{0}' tidak dikenal; kolom yang ada: {1}.",
        "unknown field '{0}'; fields are {1}.",
        [Echo(field), string.Join(", ", FinalValues.FieldNames)]);

    public static Refusal FieldRequired(string field) => new(
        "field-required", "{0} wajib diisi: perbaiki sebelum menyetujui.", "{0} is required: correct it before approving.", [field]);

    public static Refusal NotInTaxonomy(string field, string value) => new(
        "not-in-taxonomy", "'{1}' bukan {0} yang sah menurut taksonomi.", "'{1}' is not a valid {0} in the taxonomy.", [field, Echo(value)]);

    public static Refusal UnitOutsideRegister(string unit, string unitRegister, string register) => new(
        "unit-register",
        "unit '{0}' termasuk register '{1}', bukan '{2}'.",
        "unit '{0}' belongs to register '{1}', not '{2}'.",
        [unit, unitRegister, register]);

    public static Refusal DateFormat(string field, string value) => new(
        "date-format",
        "{0} '{1}' harus ditulis sebagai tanggal yyyy-MM-dd.",
        "{0} '{1}' must be a date written yyyy-MM-dd.",
        [field, Echo(value)]);

    public static Refusal UnknownDispositionAction(string action) => new(
        "disposition-action",
        "'{0}' bukan tindakan disposisi dalam taksonomi.",
        "'{0}' is not a disposition action of the taxonomy.",
        [Echo(action)]);

    public static Refusal TooLong(string field, int limit) => new(
        "too-long",
        "{0} lebih dari {1} karakter: persingkat.",
        "{0} is longer than {1} characters: shorten it.",
        [field, limit]);

    public static Refusal InvalidCharacter(string field, string character) => new(
        "invalid-character",
        "{0} memuat karakter kendali atau karakter rusak ({1}): hapus karakter itu.",
        "{0} holds a control or broken character ({1}): remove it.",
        [field, character]);

    private static string Echo(string value) => value.Length > EchoedLength ? value[..(EchoedLength - 1)] + "…" : value;
}
