using KpuTriage.Core.Register;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Dashboard;

/// <summary>Days as the office counts them (Register:TimeZone): a letter received at 23:30 UTC is the next day's in Jakarta.</summary>
public sealed class OfficeCalendar(IOptions<RegisterOptions> options, TimeProvider clock)
{
    private readonly TimeZoneInfo zone = options.Value.Zone();

    public DateOnly Today => DayOf(clock.GetUtcNow());

    public DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, zone).DateTime);

    /// <summary>The instant the office's day begins (midnight there), in UTC.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A zone that skips midnight (a DST change at 00:00) starts the day at the first valid local time.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, zone), TimeSpan.Zero);
    }
}
