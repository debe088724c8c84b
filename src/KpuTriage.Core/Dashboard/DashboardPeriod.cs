namespace KpuTriage.Core.Dashboard;

/// <summary>Days of the office's calendar, both ends included, that the dashboard counts over.</summary>
public sealed record DashboardPeriod
{
    /// <summary>A year and a day: enough for a year's comparison, small enough to read a period's decisions into memory.</summary>
    public const int MaxDays = 366;

    private DashboardPeriod(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public int DayCount => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> Days() => Enumerable.Range(0, DayCount).Select(From.AddDays);

    /// <summary>The <paramref name="days"/> days ending with <paramref name="today"/>.</summary>
    public static DashboardPeriod Last(int days, DateOnly today) => Between(today.AddDays(1 - days), today)
        ?? throw new ArgumentOutOfRangeException(nameof(days), days, $"must be from 1 to {MaxDays}");

    /// <returns>The period, or null when <paramref name="to"/> is before <paramref name="from"/> or it is longer than <see cref="MaxDays"/>.</returns>
    public static DashboardPeriod? Between(DateOnly from, DateOnly to) =>
        to < from || to.DayNumber - from.DayNumber + 1 > MaxDays ? null : new DashboardPeriod(from, to);
}
