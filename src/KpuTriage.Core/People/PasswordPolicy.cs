using KpuTriage.Core.Refusals;

namespace KpuTriage.Core.People;

/// <summary>
/// What a local password must be (NIST SP 800-63B: length and a check against what attackers
/// try first, no composition rules): at least 10 characters, not the user name (nor the user
/// name with a few characters added), and not guessable by zxcvbn — whose matchers find the
/// password built from its frequency lists (30,000 passwords from leaked sets, English words,
/// names), from l33t and case variants of them, from repetition (<c>aaaaaaaaaa</c>,
/// <c>abcabcabc</c>), sequences (<c>1234567891</c>), keyboard walks and dates, and from the
/// office's own words below. A password whose cheapest such construction is still short
/// (zxcvbn score below <see cref="MinScore"/>) is refused with the kind of its largest part.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    /// <summary>zxcvbn's 0–4 scale; 2 asks for about 2^28 guesses (what a slow hash makes days of offline work, and the sign-in throttle years of online guessing).</summary>
    public const int MinScore = 2;

    // Whatever is left after taking out the user name must be at least this long.
    private const int MinBeyondUserName = 6;

    // Context words (NIST's "the name of the service"): the office, the election, and what
    // Indonesian users are known to build passwords from. zxcvbn ranks them first.
    private static readonly string[] OfficeWords =
    [
        "kpu", "kputriage", "triage", "pemilu", "pilkada", "pilpres", "pileg", "bawaslu", "purwakarta", "indonesia", "merdeka",
        "bismillah", "jakarta", "bandung", "rahasia", "katasandi", "sandi", "sayang", "admin", "operator", "sekretariat",
    ];

    // One estimator for the process: it loads its lists (about half a second) once. Its
    // matchers are not documented as thread-safe, and passwords are set rarely, so one at a time.
    private static readonly Lazy<Zxcvbn.Zxcvbn> Estimator = new(() => new Zxcvbn.Zxcvbn());
    private static readonly Lock EstimatorLock = new();

    /// <returns>Null when the password may be used; otherwise the reason.</returns>
    public static Refusal? Problem(string userName, string password)
    {
        if (password.Length < MinLength)
        {
            return AccountRefusals.PasswordTooShort();
        }

        var name = userName.Trim();
        if (name.Length > 0 && password.Replace(name, "", StringComparison.OrdinalIgnoreCase).Length < MinBeyondUserName)
        {
            return AccountRefusals.PasswordIsUserName();
        }

        Zxcvbn.Result estimate;
        lock (EstimatorLock)
        {
            estimate = Estimator.Value.EvaluatePassword(password, [.. OfficeWords, name]);
        }

        if (estimate.Score >= MinScore)
        {
            return null;
        }

        // Named after the part that covers most of the password: what the person should avoid.
        var largest = estimate.MatchSequence.MaxBy(m => m.Token.Length)?.Pattern;
        return largest switch
        {
            "repeat" => AccountRefusals.PasswordRepeated(),
            "sequence" or "spatial" => AccountRefusals.PasswordSequence(),
            "dictionary" => AccountRefusals.PasswordCommon(),
            _ => AccountRefusals.PasswordGuessable(),
        };
    }
}
