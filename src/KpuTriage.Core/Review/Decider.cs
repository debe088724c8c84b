using System.Globalization;
using System.Text;

namespace KpuTriage.Core.Review;

/// <summary>Who takes a decision, and whether they may co-approve (supervisors only): the four-eyes rule is enforced in Core, not in a page.</summary>
public sealed record Decider(string Name, bool IsSupervisor)
{
    /// <summary>
    /// Whether <paramref name="userName"/> names this person. Names that differ only in case,
    /// width or invisible characters count as the same person ("Budi", "budi", "bu\u200Bdi"):
    /// four eyes must err towards calling two names one person, never the reverse.
    /// </summary>
    public bool Is(string? userName) => userName is not null && string.Equals(Key(Name), Key(userName), StringComparison.Ordinal);

    private static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsControl(c) && !char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                key.Append(char.ToUpperInvariant(c));
            }
        }

        return key.ToString();
    }
}
