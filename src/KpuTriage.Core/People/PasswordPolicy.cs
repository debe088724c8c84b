namespace KpuTriage.Core.People;

/// <summary>
/// What a local password must be: at least 10 characters, not the user name (nor the user
/// name with a few characters added), and not one of the passwords every attacker tries
/// first. Length beats composition rules (NIST SP 800-63B), so there are none.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    // Whatever is left after taking out the user name must be at least this long.
    private const int MinBeyondUserName = 6;

    // The usual suspects at or above the minimum length, plus the local ones: office and
    // election words with digits. Compared without case.
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "12345678910", "0123456789", "0987654321", "1111111111", "0000000000", "1234512345", "123123123123",
        "qwertyuiop", "qwerty12345", "qwerty123456", "asdfghjkl1", "1qaz2wsx3edc", "zaq12wsxcde", "password12", "password123",
        "password1234", "passw0rd123", "p@ssw0rd123", "iloveyou12", "iloveyou123", "admin12345", "admin123456", "administrator",
        "welcome123", "welcome1234", "letmein123", "changeme123", "abcdefghij", "abc1234567", "abcd123456", "bismillah1",
        "bismillah123", "indonesia1", "indonesia123", "indonesia45", "merdeka1945", "jakarta123", "bandung123", "purwakarta",
        "purwakarta1", "kpu1234567", "kpu12345678", "kpupurwakarta", "pemilu2024", "pemilu2029", "pilkada2024", "rahasia123",
        "katasandi1", "katasandi123", "sayang1234", "superman12", "football12", "sandi12345",
    };

    /// <returns>Null when the password may be used; otherwise the reason, in English (the caller localises).</returns>
    public static string? Problem(string userName, string password)
    {
        if (password.Length < MinLength)
        {
            return $"a password needs at least {MinLength} characters.";
        }

        var name = userName.Trim();
        if (name.Length > 0 && password.Replace(name, "", StringComparison.OrdinalIgnoreCase).Length < MinBeyondUserName)
        {
            return "a password must not be (mostly) the user name.";
        }

        return Common.Contains(password) ? "this password is one of the first an attacker tries: choose another." : null;
    }
}
