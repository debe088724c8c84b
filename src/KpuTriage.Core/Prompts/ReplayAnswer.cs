namespace KpuTriage.Core.Prompts;

/// <summary>
/// What one version's answer for one letter cost: tokens and the provider's time as recorded
/// with the answer, whether it came from the cache, and why the letter fell to manual triage
/// if it did. No tokens and no time when no model saw the letter.
/// </summary>
public sealed record ReplayAnswer(bool ModelAnswered, bool Cached, int PromptTokens, int CompletionTokens, long? LatencyMs, string? ManualTriageReason);
