using System.Globalization;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Many letter numbers carry the month in Roman numerals ("…/PWK/II/2026"), and OCR reads
/// the serif capital I as the digit 1 ("…/PWK/11/2026"). On an OCR'd page, a segment that
/// is the letter's own month in Roman numerals, once I is read as 1, is put back. A lone
/// "1" stays: KPU numbers end in a unit number "…/3214/1/2026" that looks the same as I.
/// </summary>
internal static class RomanMonth
{
    private static readonly string[] Numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

    public static FieldReading Repair(FieldReading number, FieldReading date, IReadOnlyList<LetterPage> pages)
    {
        if (number.Field is not { Value: { } value, Evidence: { } evidence }
            || !pages.Any(p => p.Number == evidence.Page && p.IsOcr)
            || date.Field.Value is not { Length: >= 7 } iso
            || !int.TryParse(iso.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || month is < 1 or > 12)
        {
            return number;
        }

        var roman = Numerals[month - 1];
        if (roman.Length < 2)
        {
            return number;
        }

        var segments = value.Split('/');
        var repaired = false;
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i] != roman && AsOcrReadsIt(segments[i]) == AsOcrReadsIt(roman))
            {
                segments[i] = roman;
                repaired = true;
            }
        }

        return repaired
            ? new FieldReading(number.Field with { Value = string.Join('/', segments) }, $"the month '{roman}' was read by OCR as digits and put back from the letter's date")
            : number;
    }

    private static string AsOcrReadsIt(string text) =>
        new([.. text.Select(c => c is 'I' or 'l' or '|' or 'T' or 'i' ? '1' : c)]);
}
