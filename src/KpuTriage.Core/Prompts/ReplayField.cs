namespace KpuTriage.Core.Prompts;

/// <summary>One field of one letter: the value expected and what each version proposed, compared exactly as the evaluation harness does.</summary>
public sealed record ReplayField(string Field, string Expected, string Draft, string Active, bool DraftCorrect, bool ActiveCorrect);
