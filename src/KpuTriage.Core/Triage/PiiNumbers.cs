using System.Globalization;

namespace KpuTriage.Core.Triage;

/// <summary>
/// The checks an identity number's own structure allows (DOMAIN.md): NIK and KK are
/// <c>PP KK CC DDMMYY NNNN</c> with a province code 11–94 (a woman's NIK adds 40 to the
/// day); NIP is <c>YYYYMMDD YYYYMM G NNN</c>, birth date, appointment month and sex.
/// </summary>
internal static class PiiNumbers
{
    private const int MinProvince = 11;
    private const int MaxProvince = 94;
    private const int WomanDayOffset = 40;

    // Civil servants are appointed from about 18 and born after 1940.
    private const int MinBirthYear = 1940;
    private const int MinAgeAtAppointment = 17;

    public static bool IsNik(string digits) =>
        digits.Length == 16 && HasProvince(digits) && Number(digits, 12, 4) > 0 && IsBirthDate(digits, woman: true);

    public static bool IsKk(string digits) =>
        digits.Length == 16 && HasProvince(digits) && IsBirthDate(digits, woman: false);

    public static bool IsNip(string digits)
    {
        if (digits.Length != 18 || digits[14] is not ('1' or '2'))
        {
            return false;
        }

        var birthYear = Number(digits, 0, 4);
        var appointedYear = Number(digits, 8, 4);
        var appointedMonth = Number(digits, 12, 2);
        return birthYear >= MinBirthYear
            && IsDate(birthYear, Number(digits, 4, 2), Number(digits, 6, 2))
            && appointedMonth is >= 1 and <= 12
            && appointedYear >= birthYear + MinAgeAtAppointment
            && appointedYear <= DateTime.UtcNow.Year + 1;
    }

    private static bool HasProvince(string digits) => Number(digits, 0, 2) is >= MinProvince and <= MaxProvince;

    // DDMMYY: the century is unknown, so the day is checked against a leap year's month.
    private static bool IsBirthDate(string digits, bool woman)
    {
        var day = Number(digits, 6, 2);
        if (woman && day > WomanDayOffset)
        {
            day -= WomanDayOffset;
        }

        return IsDate(2000, Number(digits, 8, 2), day);
    }

    private static bool IsDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Number(string digits, int start, int length) =>
        int.Parse(digits.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
