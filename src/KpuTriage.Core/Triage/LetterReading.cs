namespace KpuTriage.Core.Triage;

/// <summary>What the parser read from a letter: the fields, and notes (by field API name) for the doubtful ones.</summary>
internal sealed record LetterReading(LetterFields Fields, IReadOnlyDictionary<string, string> Notes);
