using KpuTriage.Core.Triage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace KpuTriage.Core.Llm;

/// <summary>
/// Composition of the language-model engine, in one place. With no Llm:Providers the local
/// engine stays the engine, exactly as in the standalone default; with providers, every
/// setting is checked here, at start, and a missing one stops the host naming its key.
/// </summary>
public static class LlmServices
{
    public static string HttpClientName(string provider) => "llm:" + provider;

    public static IServiceCollection AddLanguageModels(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        services.AddSingleton(options);
        if (!options.Enabled)
        {
            services.AddSingleton<ITriageEngine, LocalEngine>();
            return services;
        }

        var problems = LlmOptionsCheck.Problems(options);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The language-model settings are incomplete: {string.Join("; ", problems)}.");
        }

        foreach (var (name, provider) in options.Providers)
        {
            AddResilientClient(services, name, provider);
        }

        services.AddSingleton<ChatProviders>();
        // The prompts are the active version's in the database, seeded from the prompts folder on the first start.
        services.AddSingleton<ActivePrompts>();
        services.AddSingleton<ModelCallStore>();
        services.AddSingleton<LocalEngine>();
        services.AddSingleton<ModelEngine>();
        services.AddSingleton<ITriageEngine>(sp => sp.GetRequiredService<ModelEngine>());
        return services;
    }

    /// <summary>
    /// The one retry layer for a provider: the standard resilience handler with timeouts sized
    /// for LLM calls (its defaults, 10 s per attempt and 30 s in all, cut answers short),
    /// Retry-After honoured on 429 and 503, exponential back-off with jitter, and a circuit
    /// breaker whose sampling window is at least twice the attempt timeout (its validator's
    /// rule). Semantic Kernel never retries by itself, and the SDK's retries are off.
    /// </summary>
    private static void AddResilientClient(IServiceCollection services, string name, ProviderOptions provider)
    {
        services.AddHttpClient(HttpClientName(name), http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(o =>
            {
                o.AttemptTimeout.Timeout = provider.AttemptTimeout;
                o.TotalRequestTimeout.Timeout = provider.TotalTimeout;
                o.Retry.MaxRetryAttempts = provider.MaxRetries;
                o.Retry.Delay = provider.RetryDelay;
                o.Retry.BackoffType = DelayBackoffType.Exponential;
                o.Retry.UseJitter = true;
                o.Retry.ShouldRetryAfterHeader = true;
                o.Retry.MaxDelay = provider.TotalTimeout;
                o.CircuitBreaker.SamplingDuration = provider.AttemptTimeout * 2.5;
                o.CircuitBreaker.MinimumThroughput = provider.CircuitMinimumThroughput;
                o.CircuitBreaker.FailureRatio = 0.5;
                o.CircuitBreaker.BreakDuration = provider.CircuitBreakDuration;
            });
    }
}
