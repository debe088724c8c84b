namespace KpuTriage.Core.Llm;

/// <summary>The provider kinds Semantic Kernel is asked to connect to.</summary>
public static class ProviderKinds
{
    public const string AzureOpenAi = "azure-openai";
    public const string OpenAi = "openai";

    /// <summary>Any server speaking OpenAI's chat completions API at a base URL: Ollama, vLLM, LM Studio.</summary>
    public const string OpenAiCompatible = "openai-compatible";
}
