namespace KpuTriage.Core.Llm;

/// <summary>The letter as it will be sent, its token count, and how many characters of its middle were left out (0: none).</summary>
public sealed record BudgetedLetter(string Text, int Tokens, int CutCharacters);
