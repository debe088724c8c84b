using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>
/// The real web host on a free loopback port, with clients for each kind of caller.
/// Tests talk to it over HTTP exactly as integrations and the desk do.
/// </summary>
internal sealed class Desk : IAsyncDisposable
{
    public const string ClerkName = "siti";
    public const string SupervisorName = "budi";
    public const string PeoplePassword = "meja-surat-untuk-uji";

    private readonly WebApplication app;

    private Desk(WebApplication app, Uri address, DeskSettings settings)
    {
        this.app = app;
        Address = address;
        Settings = settings;
        Integration = NewClient();
        Integration.DefaultRequestHeaders.Add("X-Api-Key", DeskSettings.ApiKey);
    }

    public Uri Address { get; }
    public DeskSettings Settings { get; }
    public HttpClient Integration { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<Desk> StartAsync(DeskSettings settings)
    {
        var app = KpuTriageWebApp.Build([.. settings.ToArgs(), "--Urls=http://127.0.0.1:0"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Desk(app, new Uri(address), settings);
    }

    /// <summary>A desk that runs no pipeline stage (the API and pages only), with the given settings.</summary>
    public static Task<Desk> StartApiOnlyAsync(string dataDirectory, params (string Key, string Value)[] settings) => StartAsync(new DeskSettings
    {
        DataDirectory = dataDirectory,
        Stages = "",
        Extra = settings.ToDictionary(s => s.Key, s => s.Value),
    });

    public HttpClient NewClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var client = NewClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AdminAsync() => SignInAsync("admin", DeskSettings.AdminPassword);

    /// <summary>Creates clerk "siti" and supervisor "budi" through the admin API and signs the clerk in.</summary>
    public async Task<HttpClient> ClerkAsync()
    {
        await EnsurePeopleAsync();
        return await SignInAsync(ClerkName, PeoplePassword);
    }

    public async Task EnsurePeopleAsync()
    {
        using var admin = await AdminAsync();
        foreach (var (name, role) in new[] { (ClerkName, "clerk"), (SupervisorName, "supervisor") })
        {
            var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = name, password = PeoplePassword, roles = new[] { role } });
            if (response.StatusCode != System.Net.HttpStatusCode.Conflict)
            {
                response.EnsureSuccessStatusCode();
            }
        }
    }

    /// <summary>
    /// Makes another integration's key through the admin API, allowed <paramref name="furtherSources"/>
    /// besides its name, and returns a client that sends it.
    /// </summary>
    public async Task<HttpClient> NewIntegrationAsync(string name, params string[] furtherSources)
    {
        using var admin = await AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name, sources = furtherSources });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var client = NewClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        return client;
    }

    public Task<HttpResponseMessage> SubmitAsync(string fileName, byte[] content, string? externalId = null, string? source = null) =>
        SubmitAsync(Integration, fileName, content, externalId, source);

    /// <summary>POST /api/v1/documents as <paramref name="caller"/>, with the optional form fields only when given.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient caller, string fileName, byte[] content, string? externalId = null, string? source = null)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        if (externalId is not null)
        {
            form.Add(new StringContent(externalId), "externalId");
        }

        if (source is not null)
        {
            form.Add(new StringContent(source), "source");
        }

        return await caller.PostAsync("/api/v1/documents", form);
    }

    /// <summary>Submits and returns the new document's id, failing the test on any refusal.</summary>
    public async Task<Guid> SubmitOkAsync(string fileName, byte[] content, string? externalId = null)
    {
        var response = await SubmitAsync(fileName, content, externalId);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public Task<JsonElement> DocumentAsync(Guid id) => DocumentAsync(Integration, id);

    public static async Task<JsonElement> DocumentAsync(HttpClient caller, Guid id)
    {
        var response = await caller.GetAsync($"/api/v1/documents/{id}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls the status API until the document reaches one of the statuses, or fails after the timeout.</summary>
    public Task<JsonElement> WaitForStatusAsync(Guid id, params string[] statuses) => WaitForStatusAsync(Integration, id, statuses);

    /// <summary>Polls the status API as <paramref name="caller"/> (an integration sees only its own documents).</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient caller, Guid id, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var document = await DocumentAsync(caller, id);
            if (statuses.Contains(document.GetProperty("status").GetString()))
            {
                return document;
            }

            Assert.True(DateTime.UtcNow < deadline, $"document {id} stayed {document.GetProperty("status").GetString()}, expected {string.Join("/", statuses)}");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs a query on the desk's own database, for assertions that count rows.</summary>
    public async Task<T> QueryAsync<T>(Func<TriageDb, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TriageDb>());
    }

    public Task<int> CountAsync(DocumentStatus status) => QueryAsync(db => db.Documents.CountAsync(d => d.Status == status));

    public async ValueTask DisposeAsync()
    {
        Integration.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
