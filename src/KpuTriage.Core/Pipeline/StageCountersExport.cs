using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace KpuTriage.Core.Pipeline;

/// <summary>The counters of the pipeline stages a host runs, for its Prometheus exporter: the web desk's and every worker's.</summary>
public static class StageCountersExport
{
    /// <summary>Adds this host's <see cref="StageCounters"/>, and no other host's in the same process.</summary>
    public static MeterProviderBuilder AddStageCounters(this MeterProviderBuilder metrics)
    {
        metrics.AddMeter(StageCounters.MeterName);
        // Deferred: the view needs this host's counters, which exist once its services are built.
        ((IDeferredMeterProviderBuilder)metrics).Configure((services, builder) =>
        {
            var mine = services.GetRequiredService<StageCounters>();
            builder.AddView(instrument => instrument.Meter.Name == StageCounters.MeterName && !ReferenceEquals(instrument.Meter.Scope, mine) ? MetricStreamConfiguration.Drop : null);
        });
        return metrics;
    }
}
