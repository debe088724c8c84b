using System.Globalization;
using System.Text;
using KpuTriage.Core.Refusals;

namespace KpuTriage.Core.People;

/// <summary>
/// What makes two user names the same name: compatibility forms and case set aside
/// (<c>ADMIN</c>, <c>Admin</c> and full-width <c>ａｄｍｉｎ</c> are all <c>admin</c>). Characters
/// that show nothing or move text around — controls such as NUL, zero-width and bidi
/// formatting characters, the soft hyphen — are refused outright rather than removed, so
/// no two accounts can look alike on the screen or in the ledger.
/// </summary>
public static class UserNames
{
    public const int MaxLength = 100;

    // Letters (category Lo) that render as blank space, which NFKC keeps as they are.
    private static readonly HashSet<int> BlankLetters = [0x115F, 0x1160, 0x3164, 0xFFA0];

    /// <returns>Null when <paramref name="userName"/> may name a new account; otherwise the reason.</returns>
    public static Refusal? Problem(string userName)
    {
        var trimmed = userName.Trim();
        if (trimmed.Length is 0 or > MaxLength)
        {
            return AccountRefusals.UserNameLength();
        }

        if (Normalize(trimmed) is not { } normalized || trimmed.EnumerateRunes().Any(Invisible))
        {
            return AccountRefusals.UserNameCharacters();
        }

        // A few compatibility characters stand for many letters (a ligature, a phrase).
        return normalized.Length > MaxLength ? AccountRefusals.UserNameLength() : null;
    }

    /// <summary>
    /// The name as accounts are compared: trimmed, NFKC, lower case (invariant), NFKC again
    /// (lowering can undo a composition). Null for text that is not valid Unicode (a lone surrogate).
    /// </summary>
    public static string? Normalize(string userName)
    {
        try
        {
            return userName.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool Invisible(Rune c) => BlankLetters.Contains(c.Value) || Rune.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
