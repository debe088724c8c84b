using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KpuTriage.Core.Health;

/// <summary>
/// GET /health for load balancers and operators, on the web desk and on every worker: the
/// database and the message bus (MassTransit registers its own check); 503 while either is
/// unreachable, so an orchestrator sends no work to the process (readiness). GET /health/live
/// runs no check: it answers while the process serves at all (liveness), because restarting
/// every process during a database outage would only add restarts to the outage. Anonymous,
/// so they name each check's status and nothing more.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/health";
    public const string LivePath = "/health/live";

    public static IServiceCollection AddKpuTriageHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static void MapKpuTriageHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = Name(report.Status),
            checks = report.Entries.ToDictionary(e => e.Key, e => Name(e.Value.Status)),
        }));
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
