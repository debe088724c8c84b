namespace KpuTriage.Core.Llm;

/// <summary>What a provider returned for one call: the raw content, why it stopped, the model that answered, and the tokens.</summary>
public sealed record CompletedCall(string Content, string? FinishReason, string Model, int PromptTokens, int CompletionTokens, TimeSpan Duration);
