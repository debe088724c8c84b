namespace KpuTriage.Core.Triage;

/// <summary>
/// Which language model saw a letter for a proposal, and what it cost: the configured
/// provider and its location ("cloud" or "on-premises"), the recorded call (none when the
/// provider refused the request), and the tokens
/// this proposal paid (zero when the answer came from the cache).
/// </summary>
public sealed record ModelUse(string Provider, string Location, Guid? CallId, int PromptTokens, int CompletionTokens, bool Cached);
