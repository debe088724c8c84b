using System.Globalization;

namespace KpuTriage.Web.Desk;

/// <summary>A share as the desk prints it: whole percent in the page's culture, or a dash when there is nothing to divide.</summary>
public static class Percent
{
    public static string Of(int part, int whole) =>
        whole == 0 ? "—" : ((double)part / whole).ToString("P0", CultureInfo.CurrentCulture);
}
