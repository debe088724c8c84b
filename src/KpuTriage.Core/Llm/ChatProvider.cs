using Microsoft.SemanticKernel.ChatCompletion;

namespace KpuTriage.Core.Llm;

/// <summary>A configured provider ready to call: its name, settings, Semantic Kernel chat service and quota.</summary>
public sealed class ChatProvider(string name, ProviderOptions options, IChatCompletionService chat) : IDisposable
{
    public string Name { get; } = name;
    public ProviderOptions Options { get; } = options;
    public IChatCompletionService Chat { get; } = chat;
    public ProviderThrottle Throttle { get; } = new(options.MaxConcurrency, options.TokensPerMinute);

    public string Location => Options.IsCloud ? ProviderLocations.Cloud : ProviderLocations.OnPremises;

    /// <summary>The model named in configuration (the Azure deployment when no model is given).</summary>
    public string Model => Options.Model ?? Options.Deployment ?? Name;

    public void Dispose() => Throttle.Dispose();
}
