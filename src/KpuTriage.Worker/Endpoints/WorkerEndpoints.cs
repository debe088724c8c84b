using KpuTriage.Core.Health;
using KpuTriage.Core.Pipeline;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace KpuTriage.Worker.Endpoints;

/// <summary>
/// The worker's only HTTP surface: GET /health (database and broker, for readiness),
/// GET /health/live (liveness) and GET /metrics (Prometheus text: the stage counters).
/// </summary>
public static class WorkerEndpoints
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddWorkerEndpoints(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WorkerEndpointOptions>().Bind(builder.Configuration.GetSection(WorkerEndpointOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        // Checked here as well as at start: Kestrel binds before the options are validated, and
        // a bad address must fail with its key, not with Kestrel's own words.
        var options = builder.Configuration.GetSection(WorkerEndpointOptions.Section).Get<WorkerEndpointOptions>() ?? new WorkerEndpointOptions();
        if (options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).FirstOrDefault() is { } error)
        {
            throw new OptionsValidationException(WorkerEndpointOptions.Section, typeof(WorkerEndpointOptions), [error.ErrorMessage!]);
        }

        // The web desk's Urls (read from the same settings file) and the image's ASPNETCORE_HTTP_PORTS do not apply here.
        builder.WebHost.UseUrls(options.Listen);
        builder.Services.AddKpuTriageHealth();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddStageCounters().AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapWorkerEndpoints(this WebApplication app)
    {
        app.MapKpuTriageHealth();
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
