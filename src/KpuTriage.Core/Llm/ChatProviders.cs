using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace KpuTriage.Core.Llm;

/// <summary>
/// The configured providers as Semantic Kernel chat services, and which of them may see a
/// letter. Each service sits on an HttpClient whose one resilience handler retries; the SDK's
/// own retry policy is switched off, or retries would multiply (4 SDK tries × 4 Polly tries).
/// </summary>
public sealed class ChatProviders : IDisposable
{
    private readonly Dictionary<string, ChatProvider> _providers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ChatProvider? _open;
    private readonly ChatProvider? _restricted;

    public ChatProviders(LlmOptions options, IHttpClientFactory httpClients, ILoggerFactory loggers)
    {
        foreach (var (name, provider) in options.Providers)
        {
            _providers[name] = new ChatProvider(name, provider, Connect(provider, httpClients.CreateClient(LlmServices.HttpClientName(name)), loggers));
        }

        var only = _providers.Count == 1 ? _providers.Values.Single() : null;
        _open = options.OpenLetters is { } open ? _providers[open] : only;
        _restricted = options.RestrictedLetters is { } restricted ? _providers[restricted] : only is { Options.IsCloud: false } ? only : null;
    }

    public IReadOnlyCollection<ChatProvider> All => _providers.Values;

    /// <summary>
    /// The provider that may see a letter, or null when none may. A restricted letter
    /// (terbatas, rahasia, sangat rahasia) only ever gets an on-premises provider.
    /// </summary>
    public ChatProvider? For(bool restricted) => restricted ? _restricted is { Options.IsCloud: false } r ? r : null : _open;

    public void Dispose()
    {
        foreach (var provider in _providers.Values)
        {
            provider.Dispose();
        }
    }

    private static IChatCompletionService Connect(ProviderOptions provider, HttpClient http, ILoggerFactory loggers)
    {
        var transport = new HttpClientPipelineTransport(http);
        var noRetries = new ClientRetryPolicy(maxRetries: 0);

        // The SDK's network timeout would cut a call the resilience layer still allows; Polly's timeouts decide.
        var networkTimeout = provider.TotalTimeout + TimeSpan.FromSeconds(30);
        if (string.Equals(provider.Kind, ProviderKinds.AzureOpenAi, StringComparison.OrdinalIgnoreCase))
        {
            var azure = new AzureOpenAIClient(provider.Endpoint!, new ApiKeyCredential(provider.ApiKey!), new AzureOpenAIClientOptions
            {
                Transport = transport,
                RetryPolicy = noRetries,
                NetworkTimeout = networkTimeout,
            });
            return new AzureOpenAIChatCompletionService(provider.Deployment!, azure, provider.Model, loggers);
        }

        var options = new OpenAIClientOptions { Transport = transport, RetryPolicy = noRetries, NetworkTimeout = networkTimeout };
        if (provider.Endpoint is not null)
        {
            options.Endpoint = provider.Endpoint;
        }

        // Ollama and most self-hosted servers ignore the key, but the client insists on one.
        var client = new OpenAIClient(new ApiKeyCredential(provider.ApiKey ?? "no-key"), options);
        return new OpenAIChatCompletionService(provider.Model!, client, loggers);
    }
}
