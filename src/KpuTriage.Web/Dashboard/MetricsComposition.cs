using KpuTriage.Core.Pipeline;
using OpenTelemetry.Metrics;

namespace KpuTriage.Web.Dashboard;

/// <summary>OpenTelemetry metrics with a Prometheus scrape endpoint, when Metrics:Enabled (the default).</summary>
public static class MetricsComposition
{
    public static IHostApplicationBuilder AddKpuTriageMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() is { Enabled: false })
        {
            return builder;
        }

        builder.Services.AddSingleton<FiguresSnapshot>();
        // A listener takes every meter of its name in the process; where two desks share one
        // (tests, benchmarks), each exports only the gauges of its own meter, told by this scope.
        var owner = new object();
        builder.Services.AddSingleton(sp => new DeskMetrics(sp.GetRequiredService<FiguresSnapshot>(), owner));
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DeskMetrics.MeterName)
            .AddView(instrument => instrument.Meter.Name == DeskMetrics.MeterName && !ReferenceEquals(instrument.Meter.Scope, owner) ? MetricStreamConfiguration.Drop : null)
            .AddStageCounters()
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapKpuTriageMetrics(this WebApplication app)
    {
        // Resolving DeskMetrics creates its gauges, before the meter provider starts listening.
        if (app.Services.GetService<DeskMetrics>() is null)
        {
            return app;
        }

        // The scrape endpoint is let in by MetricsAccess (address or token), not by the desk's sign-in.
        app.MapPrometheusScrapingEndpoint(MetricsOptions.Path, meterProvider: null, configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccess>(), optionsName: null)
            .AllowAnonymous();
        return app;
    }
}
