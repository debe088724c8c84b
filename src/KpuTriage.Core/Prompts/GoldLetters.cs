namespace KpuTriage.Core.Prompts;

/// <summary>A drawn gold set: the letters, how many came from decisions and from the development set, and what the admin should know about it.</summary>
public sealed record GoldLetters(IReadOnlyList<GoldLetter> Letters, int Decisions, int Development, string? Note);
