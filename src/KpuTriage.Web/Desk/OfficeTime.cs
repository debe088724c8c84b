using System.Globalization;
using KpuTriage.Core.Register;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Desk;

/// <summary>Times on the desk are the office's (Register:TimeZone), not the server's UTC.</summary>
public sealed class OfficeTime(IOptions<RegisterOptions> options)
{
    private readonly TimeZoneInfo _zone = options.Value.Zone();

    public string Format(DateTimeOffset? time, string format = "dd MMM yyyy HH:mm") =>
        time is { } t ? TimeZoneInfo.ConvertTime(t, _zone).ToString(format, CultureInfo.CurrentCulture) : "";
}
