using System.Text;
using KpuTriage.Core.Refusals;

namespace KpuTriage.Core.Review;

/// <summary>
/// How long free text a decision may carry (Review:MaxTextLength for every field, the
/// rejection reason and the disposition note; Review:MaxSummaryLength for the summary) and
/// which characters it may not hold: controls other than tab and line breaks (PostgreSQL
/// cannot store NUL), lone surrogates (not encodable), and bidirectional overrides (they make
/// a register line read differently from what it holds). Every register page, CSV and
/// ledger entry carries these values to everyone, so one clerk's paste must stay small.
/// </summary>
public sealed record TextLimits(int Text, int Summary)
{
    public const int DefaultText = 400;

    /// <summary>
    /// A summary is at most three sentences, and the local engine keeps sentences of up to
    /// 400 characters, so 1,200 plus room for a model's wording: longer is no summary.
    /// </summary>
    public const int DefaultSummary = 2000;

    public static TextLimits Default { get; } = new(DefaultText, DefaultSummary);

    /// <summary>Every free-text field of a decision beside the register fields, as refusals name them.</summary>
    public static IReadOnlyList<string> OtherFields { get; } = ["note", "deadline", "reason"];

    public int Of(string field) => field == "summary" ? Summary : Text;

    /// <returns>Why <paramref name="value"/> may not be committed as <paramref name="field"/>, or null when it may.</returns>
    public Refusal? Problem(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > Of(field))
        {
            return DecisionRefusals.TooLong(field, Of(field));
        }

        return FirstRefused(value) is { } at ? DecisionRefusals.InvalidCharacter(field, $"U+{(int)value[at]:X4}") : null;
    }

    /// <summary>
    /// The value with refused characters removed and cut to the field's limit (ending in "…"),
    /// and whether anything was removed or cut: what the propose stage keeps of a machine's
    /// value, so a clerk can always approve a proposal as it stands.
    /// </summary>
    public (string? Value, bool Cleaned, bool Cut) Bound(string field, string? value)
    {
        if (value is null)
        {
            return (null, false, false);
        }

        var cleaned = value;
        if (FirstRefused(value) is not null)
        {
            var kept = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                if (IsPair(value, i))
                {
                    kept.Append(value, i++, 2);
                }
                else if (!IsRefused(value[i]))
                {
                    kept.Append(value[i]);
                }
            }

            cleaned = kept.ToString();
        }

        var limit = Of(field);
        if (cleaned.Length <= limit)
        {
            return (cleaned, cleaned.Length != value.Length, false);
        }

        // Never split a surrogate pair at the cut.
        var end = limit - 1;
        if (char.IsHighSurrogate(cleaned[end - 1]))
        {
            end--;
        }

        return (cleaned[..end] + "…", cleaned.Length != value.Length, true);
    }

    private static int? FirstRefused(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsPair(value, i))
            {
                i++;
            }
            else if (IsRefused(value[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsPair(string value, int i) => char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]);

    private static bool IsRefused(char c) =>
        (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
        || char.IsSurrogate(c)
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
