using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KpuTriage.Web.Health;

/// <summary>
/// GET /health for load balancers and operators: the database and the message bus (MassTransit
/// registers its own check). Anonymous, so it names each check's status and nothing more.
/// </summary>
public static class HealthEndpoint
{
    public static IServiceCollection AddKpuTriageHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static void MapKpuTriageHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

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
