using KpuTriage.Core.Llm;

namespace KpuTriage.Core.Dashboard;

/// <summary>What model calls cost, from each provider's prices per million tokens (Llm:Providers:&lt;name&gt;:PricePerMillion…Tokens).</summary>
public sealed class TokenPrices(LlmOptions options)
{
    public string Currency => options.CostCurrency;

    /// <returns>The cost, or null when the provider is not configured or lacks either price (unknown, not zero).</returns>
    public decimal? Cost(string provider, long promptTokens, long completionTokens) =>
        options.Providers.TryGetValue(provider, out var p)
        && p.PricePerMillionPromptTokens is > 0 and var prompt
        && p.PricePerMillionCompletionTokens is > 0 and var completion
            ? (promptTokens * prompt + completionTokens * completion) / 1_000_000m
            : null;
}
