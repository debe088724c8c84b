using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KpuTriage.Tests.Infrastructure;

namespace KpuTriage.Tests.Security;

public sealed class HealthSpecs
{
    [Fact]
    public async Task Should_report_database_and_bus_healthy_to_anonymous_callers_when_the_desk_runs()
    {
        using var data = new TempDirectory();
        await using var desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });
        using var anonymous = desk.NewClient();

        var response = await anonymous.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        var checks = health.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Contains("database", checks);
        Assert.Contains(checks, c => c.StartsWith("masstransit", StringComparison.Ordinal));
    }
}
