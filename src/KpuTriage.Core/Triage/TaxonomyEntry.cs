namespace KpuTriage.Core.Triage;

/// <summary>A code with its display name (registers, archive classification codes, urgency and security classes).</summary>
public sealed record TaxonomyEntry(string Code, string Name);
