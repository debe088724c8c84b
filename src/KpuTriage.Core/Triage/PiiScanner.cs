using System.Text.RegularExpressions;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Finds personal data (UU 27/2022) in a page so it can be masked before text leaves the
/// premises: NIK, NIP and KK numbers whose embedded dates and codes are valid, Indonesian
/// mobile numbers, and e-mail addresses. A number that fails its checks is not flagged:
/// letter numbers and dates have digits too.
/// </summary>
internal static partial class PiiScanner
{
    public const string Nik = "NIK";
    public const string Nip = "NIP";
    public const string Kk = "KK";
    public const string Phone = "phone";
    public const string Email = "email";

    // How far before a number its "No. KK" label may stand.
    private const int LabelReach = 40;

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    /// <summary>16 or 18 digits, grouped by single spaces, dots or dashes; never part of a "/"-separated letter number.</summary>
    [GeneratedRegex(@"(?<![\w/\-])\d(?:[ .\-]?\d){15,17}(?![\w/]|[.\-]\d)", Options)]
    private static partial Regex IdNumber();

    /// <summary>08xx…, +62 8xx…, 62 8xx…, with spaces or dashes between groups.</summary>
    [GeneratedRegex(@"(?<![\w+])(?:\+\s?62|62|0)[\s\-]?\(?8\d{1,3}\)?(?:[\s\-.]?\d{2,5}){1,3}(?![\w/])", Options)]
    private static partial Regex MobileNumber();

    [GeneratedRegex(@"(?<![\w.+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?!\w)", Options)]
    private static partial Regex EmailAddress();

    [GeneratedRegex(@"(?<!\p{L})(?:No\.?|Nomor|Nomer)\s*KK(?!\p{L})|Kartu\s+Keluarga", RegexOptions.IgnoreCase | Options)]
    private static partial Regex KkLabel();

    public static IEnumerable<PiiSpan> Scan(int page, string text)
    {
        var digits = OcrDigits.Normalize(text);
        var spans = new List<PiiSpan>();
        foreach (Match match in IdNumber().Matches(digits))
        {
            var number = string.Concat(match.Value.Where(char.IsAsciiDigit));
            var labelFrom = Math.Max(0, match.Index - LabelReach);
            var kind = number.Length switch
            {
                16 when KkLabel().IsMatch(text.AsSpan(labelFrom, match.Index - labelFrom)) => PiiNumbers.IsKk(number) ? Kk : null,
                16 => PiiNumbers.IsNik(number) ? Nik : null,
                18 => PiiNumbers.IsNip(number) ? Nip : null,
                _ => null,
            };
            if (kind is not null)
            {
                spans.Add(Span(kind, page, text, match));
            }
        }

        foreach (Match match in MobileNumber().Matches(digits))
        {
            var national = string.Concat(match.Value.Where(char.IsAsciiDigit));
            national = national.StartsWith("62", StringComparison.Ordinal) ? "0" + national[2..] : national;
            if (national.Length is >= 10 and <= 13 && !spans.Any(s => Overlaps(s, match)))
            {
                spans.Add(Span(Phone, page, text, match));
            }
        }

        spans.AddRange(EmailAddress().Matches(text).Select(match => Span(Email, page, text, match)));
        return spans.OrderBy(s => s.Start);
    }

    private static bool Overlaps(PiiSpan span, Match match) =>
        match.Index < span.Start + span.Length && span.Start < match.Index + match.Length;

    private static PiiSpan Span(string kind, int page, string text, Match match) =>
        new(kind, page, match.Index, match.Length, text.Substring(match.Index, match.Length));
}
