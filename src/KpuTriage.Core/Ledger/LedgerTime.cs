using System.Globalization;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// Times as the ledger writes them: UTC, to the millisecond. Both providers keep at least that
/// (SQLite's binary form keeps 0.1 ms, PostgreSQL 1 µs), so a time read back from either
/// database formats exactly as it was hashed.
/// </summary>
public static class LedgerTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? time) => time is { } value ? Format(value) : null;

    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
