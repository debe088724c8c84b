using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.Dashboard;

/// <summary>Configuration section "Dashboard": the period shown by default, and how fresh the metrics' figures are kept.</summary>
public sealed class DashboardOptions : IValidatableObject
{
    public const string Section = "Dashboard";

    /// <summary>Dashboard:DefaultDays — the period the page opens with and the metrics cover, ending today.</summary>
    public int DefaultDays { get; set; } = 30;

    /// <summary>Dashboard:MetricsRefresh — a scrape reuses figures read at most this long ago, so scrapes never hammer the database.</summary>
    public TimeSpan MetricsRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Dashboard:MetricsWait — how long one scrape waits for a refresh before it answers with the figures it has.</summary>
    public TimeSpan MetricsWait { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultDays is < 1 or > DashboardPeriod.MaxDays)
        {
            yield return new ValidationResult($"Dashboard:DefaultDays '{DefaultDays}' must be from 1 to {DashboardPeriod.MaxDays}.", [nameof(DefaultDays)]);
        }

        if (MetricsRefresh < TimeSpan.FromMilliseconds(100))
        {
            yield return new ValidationResult($"Dashboard:MetricsRefresh '{MetricsRefresh}' must be at least 0.1 seconds.", [nameof(MetricsRefresh)]);
        }

        if (MetricsWait < TimeSpan.Zero || MetricsWait > TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult($"Dashboard:MetricsWait '{MetricsWait}' must be from 0 to 30 seconds.", [nameof(MetricsWait)]);
        }
    }
}
