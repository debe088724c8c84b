using KpuTriage.Core.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KpuTriage.Core.Health;

/// <summary>The desk is not healthy if it cannot reach its database: intake would refuse every file.</summary>
public sealed class DatabaseHealthCheck(TriageDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("cannot connect to the database");
}
