namespace KpuTriage.Core.Llm;

/// <summary>
/// One answer a language model gave, kept for two reasons: cost (who saw which letter, with
/// how many tokens) and the cache. It is written as soon as the answer arrives, before the
/// proposal, so a crash or a redelivery after a paid call finds the answer here instead of
/// paying again. <see cref="CacheKey"/> hashes what decides the answer: the letter's text,
/// the provider, its model and the prompt version.
/// </summary>
public sealed class ModelCall
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string CacheKey { get; init; }

    /// <summary>The configured provider name (Llm:Providers:&lt;name&gt;) that saw the letter.</summary>
    public required string Provider { get; init; }

    /// <summary>"cloud" or "on-premises": whether the letter left the building.</summary>
    public required string Location { get; init; }

    public required string Model { get; init; }
    public required string PromptName { get; init; }
    public required string PromptHash { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public long DurationMs { get; init; }

    /// <summary>"stop" or, when the answer was cut at the token limit, "length".</summary>
    public string? FinishReason { get; init; }

    /// <summary>The answer exactly as the provider returned it (personal data still masked for a cloud provider).</summary>
    public required string Answer { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
