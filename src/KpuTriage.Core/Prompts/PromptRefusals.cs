using KpuTriage.Core.Refusals;

namespace KpuTriage.Core.Prompts;

/// <summary>Why a prompt version was not made, promoted or rolled back to, in Bahasa Indonesia and English.</summary>
public static class PromptRefusals
{
    public static Refusal UnknownVersion(int number) => new(
        "unknown-prompt-version", "tidak ada versi prompt {0}.", "there is no prompt version {0}.", [number]);

    public static Refusal NotADraft(int number, PromptVersionState state) => new(
        "not-a-draft",
        "versi prompt {0} bukan draf (statusnya {1}): hanya draf yang dapat dipromosikan.",
        "prompt version {0} is not a draft (it is {1}): only a draft can be promoted.",
        [number, state.ToString().ToLowerInvariant()]);

    public static Refusal OwnDraft(int number) => new(
        "own-draft",
        "versi prompt {0} adalah draf Anda sendiri: admin lain yang harus mempromosikannya.",
        "prompt version {0} is your own draft: another admin must promote it.",
        [number]);

    public static Refusal EvidenceForOtherVersions(int evidenceDraft, int evidenceActive, int draft, int active) => new(
        "stale-evidence",
        "hasil uji membandingkan versi {0} dengan versi {1}, sedangkan yang dipromosikan versi {2} dan yang aktif versi {3}: uji ulang terhadap versi aktif.",
        "the replay compares version {0} with version {1}, but version {2} is being promoted and version {3} is active: replay it against the active version.",
        [evidenceDraft, evidenceActive, draft, active]);

    public static Refusal NoEvidence() => new(
        "no-evidence",
        "belum ada hasil uji per kolom untuk versi aktif: jalankan uji ulang sebelum mempromosikan.",
        "there are no per-field replay results for the active version: run a replay before promoting.",
        []);

    public static Refusal NotComparable(string field) => new(
        "not-comparable",
        "kolom {0} tidak diuji pada surat yang sama untuk kedua versi.",
        "field {0} was not scored on the same letters for both versions.",
        [field]);

    public static Refusal WorseFields(IReadOnlyList<string> fields, double tolerance) => new(
        "worse-fields",
        "draf lebih buruk daripada versi aktif melebihi toleransi {1:P0} pada: {0}.",
        "the draft is worse than the active version beyond the tolerance of {1:P0} on: {0}.",
        [string.Join("; ", fields), tolerance]);

    public static Refusal NotEarlierActive(int number, PromptVersionState state) => new(
        "not-retired",
        "versi prompt {0} tidak pernah aktif sebelumnya (statusnya {1}): rollback hanya ke versi yang pernah aktif.",
        "prompt version {0} was never active before (it is {1}): a rollback returns only to a version that was active.",
        [number, state.ToString().ToLowerInvariant()]);

    public static Refusal Unchanged(int parent) => new(
        "unchanged",
        "isinya sama dengan versi {0}: tidak ada yang berubah.",
        "its content is the same as version {0}: nothing changed.",
        [parent]);

    public static Refusal Invalid(string problem) => new(
        "invalid-prompt",
        "prompt atau taksonomi ini tidak dapat dipakai: {0}",
        "these prompts or this taxonomy cannot be used: {0}",
        [problem]);

    public static Refusal NoModel() => new(
        "no-model",
        "tidak ada model bahasa yang dikonfigurasi (Llm:Providers): prompt hanya mengubah jawaban model, dan mesin lokal tidak memakainya.",
        "no language model is configured (Llm:Providers): prompts change only a model's answers, and the local engine does not use them.",
        []);

    public static Refusal ShadowNotADraft(int number, PromptVersionState state) => new(
        "shadow-not-a-draft",
        "versi prompt {0} bukan draf (statusnya {1}): hanya draf yang dapat dijalankan sebagai bayangan.",
        "prompt version {0} is not a draft (it is {1}): only a draft can run in shadow.",
        [number, state.ToString().ToLowerInvariant()]);

    public static Refusal ReplayOfActive(int number) => new(
        "replay-of-active",
        "versi prompt {0} adalah versi aktif: uji ulang membandingkan versi lain dengan versi aktif.",
        "prompt version {0} is the active version: a replay compares another version with the active one.",
        [number]);

    public static Refusal GoldSize(int size, int max) => new(
        "gold-size",
        "jumlah keputusan yang diuji harus antara 1 dan {1}, bukan {0}.",
        "the number of decisions to replay must be between 1 and {1}, not {0}.",
        [size, max]);

    public static Refusal ReplayFirst(int draft, int active) => new(
        "replay-first",
        "belum ada uji ulang yang selesai untuk versi {0} terhadap versi aktif {1}: jalankan uji ulang dulu.",
        "no finished replay compares version {0} with the active version {1}: run a replay first.",
        [draft, active]);
}
