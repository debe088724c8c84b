using KpuTriage.Core.Dashboard;
using KpuTriage.Core.Llm;

namespace KpuTriage.Tests.Dashboard;

/// <summary>Cost from the providers' prices: known only with both prices; a negative price stops the start.</summary>
public sealed class TokenPricesSpecs
{
    private static LlmOptions Options(decimal? prompt, decimal? completion) => new()
    {
        Providers = { ["azure"] = new ProviderOptions { Kind = "openai", ApiKey = "k", Model = "m", Location = "cloud", PricePerMillionPromptTokens = prompt, PricePerMillionCompletionTokens = completion } },
    };

    [Fact]
    public void Should_price_tokens_per_million_when_both_prices_are_set()
    {
        var prices = new TokenPrices(Options(0.15m, 0.60m));

        Assert.Equal(0.15m * 2 + 0.60m * 0.5m, prices.Cost("AZURE", 2_000_000, 500_000));
    }

    [Theory]
    [InlineData(null, 0.60)]
    [InlineData(0.15, null)]
    [InlineData(0.0, 0.60)]
    public void Should_call_the_cost_unknown_when_a_price_is_missing_or_zero(double? prompt, double? completion)
    {
        var prices = new TokenPrices(Options((decimal?)prompt, (decimal?)completion));

        Assert.Null(prices.Cost("azure", 1000, 1000));
    }

    [Fact]
    public void Should_call_the_cost_unknown_when_the_provider_is_no_longer_configured()
    {
        Assert.Null(new TokenPrices(Options(1, 1)).Cost("ollama", 1000, 1000));
    }

    [Fact]
    public void Should_name_the_key_when_a_price_is_negative()
    {
        var problems = LlmOptionsCheck.Problems(Options(-1, 1));

        Assert.Contains("Llm:Providers:azure:PricePerMillionPromptTokens must be 0 (unknown) or more", problems);
    }
}
