using System.Net;
using System.Text;
using KpuTriage.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Security;

/// <summary>
/// Every route of the desk — JSON API, pages and the files pages show — tried by every kind
/// of caller with GET and POST. The table below is the authorisation contract; a route the
/// table does not know fails the suite, so a new endpoint or page cannot ship without a
/// decision on who may call it. People hold both a desk cookie and a bearer token.
/// The table and the way a route is tried are shared with <see cref="AccountStateSpecs"/>,
/// which re-runs the matrix with credentials taken before an account changed.
/// </summary>
public sealed class AuthorizationSpecs : IAsyncLifetime
{
    private static readonly string[] People = ["clerk", "supervisor", "admin"];
    internal static readonly string[] Everyone = ["anonymous", "integration", .. People];
    private static readonly string[] Reviewers = ["clerk", "supervisor"];
    private static readonly string[] Admins = ["admin"];
    private static readonly string[] Overseers = ["supervisor", "admin"];

    internal static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["ANY /health"] = Everyone,
        ["ANY /health/live"] = Everyone,
        ["POST /api/v1/auth/token"] = Everyone,
        ["DELETE /api/v1/auth/token"] = People,
        ["POST /api/v1/documents"] = ["integration", .. People],
        ["GET /api/v1/documents/{id:guid}"] = ["integration", .. People],
        ["GET /api/v1/review/inbox"] = ["clerk", "supervisor"],
        ["GET /api/v1/review/{id:guid}"] = ["clerk", "supervisor"],
        ["POST /api/v1/review/{id:guid}/decision"] = ["clerk", "supervisor"],
        ["GET /api/v1/users"] = ["admin"],
        ["POST /api/v1/users"] = ["admin"],
        ["POST /api/v1/api-keys"] = ["admin"],

        // The desk's pages (any method: GET shows, POST acts) and the files they show.
        ["ANY /"] = People,
        ["ANY /login"] = Everyone,
        ["GET /login/oidc"] = Everyone,
        ["ANY /logout"] = People,
        ["ANY /denied"] = Everyone,
        ["ANY /account/language"] = People,
        ["ANY /account/sign-out-everywhere"] = People,
        ["ANY /inbox"] = Reviewers,
        ["ANY /item/{id:guid}"] = Reviewers,
        ["GET /documents/{id:guid}/pages/{page:int}"] = Reviewers,
        ["GET /documents/{id:guid}/file"] = Reviewers,
        ["ANY /register"] = Reviewers,
        ["ANY /register/{id:guid}"] = Reviewers,
        ["GET /register/export"] = Reviewers,
        ["ANY /admin/users"] = Admins,
        ["ANY /admin/keys"] = Admins,
        ["ANY /admin/ledger"] = Admins,
        ["ANY /admin/prompts"] = Admins,
        ["ANY /admin/prompts/{number:int}"] = Admins,
        ["ANY /admin/prompts/{number:int}/edit"] = Admins,
        ["ANY /admin/prompts/replays/{id:guid}"] = Admins,
        ["ANY /admin/dashboard"] = Overseers,

        // Prometheus scrapes: let in by address (Metrics:AllowFrom, loopback by default, which
        // every caller here is) or by Metrics:ScrapeToken, not by sign-in; MetricsAccessSpecs has the refusals.
        ["ANY /metrics"] = Everyone,
    };

    private readonly TempDirectory data = new();
    private Desk desk = null!;
    private readonly Dictionary<string, HttpClient> callers = [];

    public async Task InitializeAsync()
    {
        desk = await Desk.StartAsync(new DeskSettings { DataDirectory = data.Path });
        await desk.EnsurePeopleAsync();
        callers["anonymous"] = DeskSession.NewClient(desk);
        callers["integration"] = DeskSession.NewClient(desk);
        callers["integration"].DefaultRequestHeaders.Add("X-Api-Key", DeskSettings.ApiKey);
        callers["clerk"] = await DeskSession.SignInAsync(desk, Desk.ClerkName, Desk.PeoplePassword);
        callers["supervisor"] = await DeskSession.SignInAsync(desk, Desk.SupervisorName, Desk.PeoplePassword);
        callers["admin"] = await DeskSession.SignInAsync(desk, "admin", DeskSettings.AdminPassword);
    }

    public async Task DisposeAsync()
    {
        await desk.DisposeAsync();
        data.Dispose();
    }

    /// <summary>
    /// Every route the desk maps, as "METHOD /template". The one that ends the caller's own
    /// session (revoking the bearer token it was called with) comes last, so that calling it
    /// does not change what the caller's later calls get.
    /// </summary>
    internal static IEnumerable<string> Routes(Desk desk) =>
        desk.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(m => $"{m} /{e.RoutePattern.RawText?.TrimStart('/')}"))
            .Distinct()
            .OrderBy(r => r == "DELETE /api/v1/auth/token");

    /// <summary>
    /// Calls every route (GET and POST for ANY) with one caller's client and lists each answer
    /// that disagrees with <paramref name="allowed"/>: a route allowed but denied, or denied but allowed.
    /// </summary>
    internal static async Task<List<string>> MismatchesAsync(Desk desk, HttpClient client, string caller, Func<string, bool> allowed)
    {
        var mismatches = new List<string>();
        foreach (var route in Routes(desk))
        {
            var parts = route.Split(' ', 2);
            foreach (var method in parts[0] == "ANY" ? ["GET", "POST"] : new[] { parts[0] })
            {
                using var response = await CallAsync(client, method, parts[1]);
                if (allowed(route) == Denied(response))
                {
                    mismatches.Add($"{method} {parts[1]} as {caller}: {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }

        return mismatches;
    }

    [Fact]
    public void Should_know_every_route_when_the_desk_maps_its_endpoints()
    {
        var routes = Routes(desk).ToHashSet();

        Assert.Empty(routes.Except(Allowed.Keys));
        Assert.Empty(Allowed.Keys.Except(routes));
    }

    [Fact]
    public async Task Should_allow_exactly_the_callers_in_the_table_when_each_route_is_called()
    {
        var failures = new List<string>();
        foreach (var caller in Everyone)
        {
            failures.AddRange(await MismatchesAsync(desk, callers[caller], caller, route => Allowed[route].Contains(caller)));
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

    /// <summary>The API answers 401/403; a page sends the browser to sign in or to the denied page.</summary>
    internal static bool Denied(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
            && new Uri(new Uri("http://desk/"), location).AbsolutePath is "/login" or "/denied");

    internal static async Task<HttpResponseMessage> CallAsync(HttpClient client, string method, string template)
    {
        var path = template.Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{page:int}", "1", StringComparison.Ordinal)
            .Replace("{number:int}", "1", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            // JSON for the API; a form without its anti-forgery token for pages (allowed callers get 400 from it).
            request.Content = path.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" });
        }

        return await client.SendAsync(request);
    }
}
