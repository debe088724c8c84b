using KpuTriage.Tests.Llm;
using KpuTriage.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KpuTriage.Benchmarks.Llm;

/// <summary>A standalone desk (SQLite, in-memory transport) whose engine calls the fake provider, with N calls at once.</summary>
internal sealed class LlmDeskHost : IAsyncDisposable
{
    public const string ApiKey = "benchmark-key-0123456789abcdef";

    private readonly string data;

    private LlmDeskHost(WebApplication app, string data, HttpClient http)
    {
        App = app;
        this.data = data;
        Http = http;
    }

    public WebApplication App { get; }
    public HttpClient Http { get; }

    public static async Task<LlmDeskHost> StartAsync(FakeOpenAi fake, int concurrency)
    {
        var data = Directory.CreateTempSubdirectory("kputriage-llm-bench-").FullName;
        var n = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var app = KpuTriageWebApp.Build([
            $"--KPUTRIAGE_DATA_DIR={data}", $"--KPUTRIAGE_API_KEY={ApiKey}", "--KPUTRIAGE_ADMIN_PASSWORD=benchmark-admin-password",
            "--Storage:Provider=sqlite", "--Transport:Kind=in-memory", $"--Pipeline:ProposeConcurrency={n}",
            "--Llm:Providers:bench:Kind=openai-compatible", $"--Llm:Providers:bench:Endpoint={fake.Endpoint}",
            "--Llm:Providers:bench:Model=fake-model", "--Llm:Providers:bench:Location=on-premises",
            $"--Llm:Providers:bench:MaxConcurrency={n}",
            "--Urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return new LlmDeskHost(app, data, http);
    }

    public async Task SubmitAsync(string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        (await Http.PostAsync("/api/v1/documents", form)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }
}
