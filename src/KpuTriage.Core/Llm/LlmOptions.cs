namespace KpuTriage.Core.Llm;

/// <summary>
/// Configuration section "Llm": the language-model providers and which letters each may see.
/// With no provider configured KpuTriage runs the local engine alone, as it always has.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "Llm";

    /// <summary>Llm:Providers:&lt;name&gt; — every provider the office may call, by a name it chooses ("ollama", "azure").</summary>
    public Dictionary<string, ProviderOptions> Providers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Llm:OpenLetters — the provider for letters the parser reads as security "biasa". Default:
    /// the only provider, when exactly one is configured.
    /// </summary>
    public string? OpenLetters { get; set; }

    /// <summary>
    /// Llm:RestrictedLetters — the provider for letters marked terbatas, rahasia or sangat
    /// rahasia. It must be on-premises; unset, such letters go to the local engine and never to
    /// a model. Default: the only provider when exactly one is configured and it is on-premises.
    /// </summary>
    public string? RestrictedLetters { get; set; }

    /// <summary>Llm:MaxLetterTokens — the letter's share of a prompt; longer letters are cut (header, first pages, tail).</summary>
    public int MaxLetterTokens { get; set; } = 6000;

    /// <summary>Llm:MaxAnswerTokens — max_tokens of the answer. Azure counts it in its rate estimate, so it is kept tight.</summary>
    public int MaxAnswerTokens { get; set; } = 2000;

    /// <summary>
    /// Llm:OutagePause — how long the propose stage stops taking messages after a provider
    /// was found down (the HTTP layer had already retried); it then tries again on its own.
    /// </summary>
    public TimeSpan OutagePause { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Llm:CostCurrency — the currency of the providers' prices (PricePerMillion…Tokens), shown beside costs.</summary>
    public string CostCurrency { get; set; } = "USD";

    public bool Enabled => Providers.Count > 0;
}
