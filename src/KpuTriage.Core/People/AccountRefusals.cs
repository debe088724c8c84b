using KpuTriage.Core.Refusals;

namespace KpuTriage.Core.People;

/// <summary>Why an account or integration key was not changed, in Bahasa Indonesia and English.</summary>
public static class AccountRefusals
{
    public static Refusal PasswordTooShort() => new(
        "password-short", "kata sandi minimal {0} karakter.", "a password needs at least {0} characters.", [PasswordPolicy.MinLength]);

    public static Refusal PasswordIsUserName() => new(
        "password-user-name",
        "kata sandi tidak boleh (hampir sama dengan) nama pengguna.",
        "a password must not be (mostly) the user name.",
        []);

    public static Refusal PasswordCommon() => new(
        "password-common",
        "kata sandi ini dibangun dari kata sandi atau kata yang paling sering dipakai, yang pertama dicoba penyerang: pilih yang lain, misalnya beberapa kata yang tidak berhubungan.",
        "this password is built from the most used passwords or words, the first an attacker tries: choose another, e.g. a few unrelated words.",
        []);

    public static Refusal PasswordRepeated() => new(
        "password-repeated",
        "kata sandi ini sebagian besar berupa pengulangan (seperti aaaaaaaaaa): pilih yang lain.",
        "this password is mostly repetition (like aaaaaaaaaa): choose another.",
        []);

    public static Refusal PasswordSequence() => new(
        "password-sequence",
        "kata sandi ini sebagian besar berupa urutan huruf, angka atau tombol papan ketik (seperti 1234567890 atau qwerty): pilih yang lain.",
        "this password is mostly a run of letters, digits or keyboard keys (like 1234567890 or qwerty): choose another.",
        []);

    public static Refusal PasswordGuessable() => new(
        "password-guessable",
        "kata sandi ini terlalu mudah ditebak: pilih yang lebih panjang, misalnya beberapa kata yang tidak berhubungan.",
        "this password is too easy to guess: choose a longer one, e.g. a few unrelated words.",
        []);

    public static Refusal UserNameLength() => new(
        "user-name-length", "nama pengguna harus 1 sampai {0} karakter.", "a user name needs 1 to {0} characters.", [UserNames.MaxLength]);

    public static Refusal UserNameCharacters() => new(
        "user-name-characters",
        "nama pengguna tidak boleh memuat karakter kontrol atau karakter tak terlihat (spasi lebar nol, penanda arah teks, NUL).",
        "a user name must not hold control or invisible characters (zero-width spaces, text-direction marks, NUL).",
        []);

    /// <summary>Sign-in refused without checking the password: too many wrong ones for this account lately.</summary>
    public static Refusal SignInThrottled(int minutes) => new(
        "sign-in-throttled",
        "Terlalu banyak percobaan masuk yang gagal untuk akun ini. Demi keamanan, coba lagi dalam {0} menit, atau hubungi admin.",
        "Too many failed sign-in attempts for this account. For its safety, try again in {0} minutes, or ask an admin.",
        [minutes]);

    public static Refusal UnknownUser(string userName) => new(
        "unknown-user", "tidak ada pengguna '{0}'.", "there is no user '{0}'.", [userName]);

    public static Refusal Roles(IEnumerable<string> allowed) => new(
        "roles",
        "peran harus satu atau lebih dari {0}.",
        "roles must be one or more of {0}.",
        [string.Join(", ", allowed)]);

    public static Refusal Language() => new(
        "language", "bahasa harus 'id' atau 'en'.", "language is 'id' or 'en'.", []);

    public static Refusal ApiKeyTooShort() => new(
        "api-key-short", "kunci API minimal 16 karakter.", "an API key needs at least 16 characters.", []);

    public static Refusal UserNameIsSource(string userName) => new(
        "user-name-is-source",
        "'{0}' dipakai sebagai sumber integrasi atau kanal surat; pilih nama pengguna lain.",
        "'{0}' is the source of an integration or an intake channel; choose another user name.",
        [userName]);
}
