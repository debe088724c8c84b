namespace KpuTriage.Core.Prompts;

/// <summary>One letter of a replay: where it came from, its type, and every field expected beside what each version proposed.</summary>
/// <param name="Source">The agenda number of the decision (0042/2026) or the development set's file name.</param>
/// <param name="Origin"><see cref="GoldLetter.Decision"/> or <see cref="GoldLetter.Development"/>.</param>
public sealed record ReplayLetter(string Source, string Origin, string LetterType, ReplayAnswer Draft, ReplayAnswer Active, IReadOnlyList<ReplayField> Fields);
