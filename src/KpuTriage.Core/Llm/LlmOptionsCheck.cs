namespace KpuTriage.Core.Llm;

/// <summary>Everything wrong with the Llm section at once, each problem naming the key to set.</summary>
internal static class LlmOptionsCheck
{
    private static readonly string[] Kinds = [ProviderKinds.AzureOpenAi, ProviderKinds.OpenAi, ProviderKinds.OpenAiCompatible];

    public static List<string> Problems(LlmOptions options)
    {
        var problems = new List<string>();
        foreach (var (name, provider) in options.Providers)
        {
            var key = $"{LlmOptions.Section}:Providers:{name}";
            if (!Kinds.Contains(provider.Kind, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{key}:Kind must be one of {string.Join(", ", Kinds)}");
            }

            if (provider.Location is null
                || !(provider.Location.Equals(ProviderLocations.Cloud, StringComparison.OrdinalIgnoreCase)
                     || provider.Location.Equals(ProviderLocations.OnPremises, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{key}:Location must be '{ProviderLocations.Cloud}' or '{ProviderLocations.OnPremises}' (where the letters go)");
            }

            var kind = provider.Kind?.ToLowerInvariant();
            Require(problems, $"{key}:Endpoint", provider.Endpoint is not null || kind == ProviderKinds.OpenAi);
            Require(problems, $"{key}:ApiKey", !string.IsNullOrWhiteSpace(provider.ApiKey) || kind == ProviderKinds.OpenAiCompatible);
            Require(problems, $"{key}:Deployment", !string.IsNullOrWhiteSpace(provider.Deployment) || kind != ProviderKinds.AzureOpenAi);
            Require(problems, $"{key}:Model", !string.IsNullOrWhiteSpace(provider.Model) || kind == ProviderKinds.AzureOpenAi);
            Check(problems, $"{key}:MaxConcurrency", provider.MaxConcurrency >= 1, "must be at least 1");
            Check(problems, $"{key}:TokensPerMinute", provider.TokensPerMinute >= 0, "must be 0 (no limit) or more");
            Check(problems, $"{key}:MaxRetries", provider.MaxRetries is >= 1 and <= 10, "must be from 1 to 10");
            Check(problems, $"{key}:AttemptTimeout", provider.AttemptTimeout >= TimeSpan.FromSeconds(1), "must be at least 1 second");
            Check(problems, $"{key}:TotalTimeout", provider.TotalTimeout >= provider.AttemptTimeout, "must be at least AttemptTimeout");
            Check(problems, $"{key}:RetryDelay", provider.RetryDelay > TimeSpan.Zero, "must be positive");
            Check(problems, $"{key}:CircuitMinimumThroughput", provider.CircuitMinimumThroughput >= 2, "must be at least 2");
            Check(problems, $"{key}:CircuitBreakDuration", provider.CircuitBreakDuration >= TimeSpan.FromSeconds(0.5), "must be at least 0.5 seconds");
            Check(problems, $"{key}:PricePerMillionPromptTokens", provider.PricePerMillionPromptTokens is null or >= 0, "must be 0 (unknown) or more");
            Check(problems, $"{key}:PricePerMillionCompletionTokens", provider.PricePerMillionCompletionTokens is null or >= 0, "must be 0 (unknown) or more");
        }

        CheckRoute(problems, options, "OpenLetters", options.OpenLetters, onPremisesOnly: false);
        CheckRoute(problems, options, "RestrictedLetters", options.RestrictedLetters, onPremisesOnly: true);
        if (options.OpenLetters is null && options.Providers.Count > 1)
        {
            problems.Add($"{LlmOptions.Section}:OpenLetters must name the provider for open letters when several are configured");
        }

        Check(problems, $"{LlmOptions.Section}:MaxLetterTokens", options.MaxLetterTokens >= 500, "must be at least 500");
        Check(problems, $"{LlmOptions.Section}:MaxAnswerTokens", options.MaxAnswerTokens >= 300, "must be at least 300 (the answer is a JSON object of 16 fields)");
        Check(problems, $"{LlmOptions.Section}:CostCurrency", !string.IsNullOrWhiteSpace(options.CostCurrency), "must name the currency of the prices (e.g. USD, IDR)");
        Check(problems, $"{LlmOptions.Section}:OutagePause", options.OutagePause >= TimeSpan.FromSeconds(1), "must be at least 1 second");
        return problems;
    }

    private static void CheckRoute(List<string> problems, LlmOptions options, string key, string? name, bool onPremisesOnly)
    {
        if (name is null)
        {
            return;
        }

        var provider = options.Providers.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
        if (provider is null)
        {
            problems.Add($"{LlmOptions.Section}:{key} is '{name}', which is not a provider under {LlmOptions.Section}:Providers");
        }
        else if (onPremisesOnly && provider.IsCloud)
        {
            problems.Add($"{LlmOptions.Section}:{key} is '{name}', a cloud provider: terbatas/rahasia letters never leave the premises");
        }
    }

    private static void Require(List<string> problems, string key, bool present)
    {
        if (!present)
        {
            problems.Add($"{key} is not set");
        }
    }

    private static void Check(List<string> problems, string key, bool valid, string rule)
    {
        if (!valid)
        {
            problems.Add($"{key} {rule}");
        }
    }
}
