namespace KpuTriage.Core.Llm;

/// <summary>One provider under Llm:Providers:&lt;name&gt;: how to reach it, where it runs, and its quota.</summary>
public sealed class ProviderOptions
{
    /// <summary>"azure-openai", "openai" or "openai-compatible" (Ollama, vLLM, LM Studio: needs Endpoint).</summary>
    public string? Kind { get; set; }

    /// <summary>Base URL: the Azure resource (https://x.openai.azure.com/), or the server's /v1 URL (http://ollama:11434/v1).</summary>
    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Azure OpenAI: the deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>The model name sent (openai, openai-compatible) or recorded (azure-openai).</summary>
    public string? Model { get; set; }

    /// <summary>
    /// "cloud" or "on-premises". Cloud providers only ever see letters with personal data
    /// masked, and never restricted letters. Required: nobody should guess where a letter goes.
    /// </summary>
    public string? Location { get; set; }

    /// <summary>Calls in flight at once across this process.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The provider's tokens-per-minute quota (prompt + max answer per call); 0 means none.</summary>
    public int TokensPerMinute { get; set; }

    /// <summary>One HTTP attempt; LLM answers take tens of seconds, so far above HttpClient's usual 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>All attempts of one call together, back-off and Retry-After waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt (429, 5xx, timeouts, refused connections).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First back-off delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Failed calls (after retries) in the sampling window before the circuit opens.</summary>
    public int CircuitMinimumThroughput { get; set; } = 5;

    /// <summary>How long the circuit stays open before one trial call.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Price of a million prompt tokens, in Llm:CostCurrency; for the dashboard's cost. Absent or
    /// 0 means unknown: the dashboard then says the cost is unknown rather than free.
    /// </summary>
    public decimal? PricePerMillionPromptTokens { get; set; }

    /// <summary>Price of a million completion tokens, in Llm:CostCurrency; absent or 0 means unknown.</summary>
    public decimal? PricePerMillionCompletionTokens { get; set; }

    public bool IsCloud => string.Equals(Location, ProviderLocations.Cloud, StringComparison.OrdinalIgnoreCase);
}
