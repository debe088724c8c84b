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
        "kata sandi ini termasuk yang pertama dicoba penyerang: pilih yang lain.",
        "this password is one of the first an attacker tries: choose another.",
        []);

    public static Refusal UserNameLength() => new(
        "user-name-length", "nama pengguna harus 1 sampai 100 karakter.", "a user name needs 1 to 100 characters.", []);

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
}
