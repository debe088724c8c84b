using System.Net;
using System.Text;
using KpuTriage.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Security;

/// <summary>
/// Every route of the desk, tried by every kind of caller. The table below is the
/// authorisation contract; a route the table does not know fails the suite, so a new
/// endpoint cannot ship without a decision on who may call it.
/// </summary>
public sealed class AuthorizationSpecs : IAsyncLifetime
{
    private static readonly string[] People = ["clerk", "supervisor", "admin"];
    private static readonly string[] Everyone = ["anonymous", "integration", .. People];

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["ANY /health"] = Everyone,
        ["POST /api/v1/auth/token"] = Everyone,
        ["POST /api/v1/documents"] = ["integration", .. People],
        ["GET /api/v1/documents/{id:guid}"] = ["integration", .. People],
        ["GET /api/v1/review/inbox"] = ["clerk", "supervisor"],
        ["GET /api/v1/review/{id:guid}"] = ["clerk", "supervisor"],
        ["POST /api/v1/review/{id:guid}/decision"] = ["clerk", "supervisor"],
        ["GET /api/v1/users"] = ["admin"],
        ["POST /api/v1/users"] = ["admin"],
        ["POST /api/v1/api-keys"] = ["admin"],
    };

    private readonly TempDirectory data = new();
    private Desk desk = null!;
    private readonly Dictionary<string, HttpClient> callers = [];

    public async Task InitializeAsync()
    {
        desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });
        await desk.EnsurePeopleAsync();
        callers["anonymous"] = desk.NewClient();
        callers["integration"] = desk.Integration;
        callers["clerk"] = await desk.SignInAsync(Desk.ClerkName, Desk.PeoplePassword);
        callers["supervisor"] = await desk.SignInAsync(Desk.SupervisorName, Desk.PeoplePassword);
        callers["admin"] = await desk.AdminAsync();
    }

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
    }

    private IEnumerable<string> Routes() =>
        desk.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => $"{m} {e.RoutePattern.RawText}"));

    [Fact]
    public void Should_know_every_route_when_the_desk_maps_its_endpoints()
    {
        var routes = Routes().ToHashSet();

        Assert.Empty(routes.Except(Allowed.Keys));
        Assert.Empty(Allowed.Keys.Except(routes));
    }

    [Fact]
    public async Task Should_allow_exactly_the_callers_in_the_table_when_each_route_is_called()
    {
        var failures = new List<string>();
        foreach (var route in Routes())
        {
            foreach (var caller in Everyone)
            {
                var status = await CallAsync(callers[caller], route);
                var allowed = Allowed[route].Contains(caller);
                var denied = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (allowed == denied)
                {
                    failures.Add($"{route} as {caller}: {(int)status}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Should_answer_401_when_the_api_key_is_unknown()
    {
        using var client = desk.NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key-that-exists-anywhere");

        var response = await client.GetAsync($"/api/v1/documents/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_401_when_the_bearer_token_is_forged()
    {
        using var client = desk.NewClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8forgedtokenforgedtokenforgedtoken");

        var response = await client.GetAsync("/api/v1/review/inbox");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_token_when_the_password_is_wrong()
    {
        using var client = desk.NewClient();

        var response = await client.PostAsync("/api/v1/auth/token",
            new StringContent("""{"userName":"admin","password":"wrong-password"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string route)
    {
        var parts = route.Split(' ', 2);
        var path = parts[1].Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(parts[0] == "ANY" ? "GET" : parts[0]), path);
        if (parts[0] == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
