using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>A fresh virtual host on the test RabbitMQ node, so tests never share queues; deleted afterwards.</summary>
internal sealed class RabbitVhost : IAsyncDisposable
{
    private readonly HttpClient management;
    private readonly string name = "kpt-" + Guid.NewGuid().ToString("N");

    private RabbitVhost(HttpClient management)
    {
        this.management = management;
        var server = TestServers.RabbitMq;
        Uri = new UriBuilder(server) { Path = "/" + name }.Uri;
    }

    public Uri Uri { get; }

    public static async Task<RabbitVhost> CreateAsync()
    {
        var server = TestServers.RabbitMq;
        var credentials = Uri.UnescapeDataString(server.UserInfo);
        var http = new HttpClient { BaseAddress = TestServers.RabbitMqManagement };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        var vhost = new RabbitVhost(http);
        (await http.PutAsync($"/api/vhosts/{vhost.name}", null)).EnsureSuccessStatusCode();
        var user = credentials.Split(':')[0];
        (await http.PutAsJsonAsync($"/api/permissions/{vhost.name}/{user}", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return vhost;
    }

    /// <summary>
    /// A number the management API gives for a queue of this virtual host ("consumers",
    /// "messages"); null while the queue does not exist or its statistics are not collected yet.
    /// </summary>
    public async Task<int?> QueueStatAsync(string queue, string stat)
    {
        var response = await management.GetAsync($"/api/queues/{name}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return json.TryGetProperty(stat, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number ? value.GetInt32() : null;
    }

    public async ValueTask DisposeAsync()
    {
        await management.DeleteAsync($"/api/vhosts/{name}");
        management.Dispose();
    }
}
