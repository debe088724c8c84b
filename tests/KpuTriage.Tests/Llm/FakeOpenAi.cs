using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KpuTriage.Tests.Llm;

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 for the Semantic Kernel
/// connectors to talk to over real HTTP. It records every request and answers from a script
/// (<see cref="Reply"/> per request), or, with none queued, with <see cref="Default"/>.
/// </summary>
internal sealed class FakeOpenAi : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Func<FakeRequest, FakeReply>> script = new();
    private readonly ConcurrentQueue<FakeRequest> requests = new();

    private FakeOpenAi(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The base URL a provider's Endpoint takes (…/v1).</summary>
    public Uri Endpoint => new(Address, "v1");

    public Uri Address { get; }

    public IReadOnlyList<FakeRequest> Requests => [.. requests];

    private volatile bool down;

    /// <summary>When set, every request gets 503: the provider is down.</summary>
    public bool Down
    {
        get => down;
        set => down = value;
    }

    /// <summary>Answers requests the script does not cover.</summary>
    public Func<FakeRequest, FakeReply> Default { get; set; } = _ => FakeReply.Answer(FakeAnswers.Valid());

    public void Then(Func<FakeRequest, FakeReply> reply) => script.Enqueue(reply);

    public void Then(FakeReply reply) => script.Enqueue(_ => reply);

    public static async Task<FakeOpenAi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOpenAi? fake = null;
        app.MapPost("/v1/chat/completions", (HttpContext context) => fake!.HandleAsync(context));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (HttpContext context) => fake!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeOpenAi(app, new Uri(address.TrimEnd('/') + "/"));
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new FakeRequest(context.Request.Path, body, DateTimeOffset.UtcNow);
        requests.Enqueue(request);
        var reply = Down ? FakeReply.Status(503) : script.TryDequeue(out var next) ? next(request) : Default(request);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.StatusCode;
        if (reply.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        var text = reply.RawBody ?? (reply.Content is null
            ? JsonSerializer.Serialize(new { error = new { message = "scripted failure", type = "server_error" } })
            : Completion(reply.Content, reply.FinishReason, request));
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static string Completion(string content, string finishReason, FakeRequest request) => new JsonObject
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion",
        ["created"] = 1_750_000_000,
        ["model"] = "fake-model-2025",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = finishReason,
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = request.Body.Length / 4,
            ["completion_tokens"] = content.Length / 4,
            ["total_tokens"] = (request.Body.Length / 4) + (content.Length / 4),
        },
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
