namespace KpuTriage.Core.Triage;

/// <summary>A field where the language model and the deterministic parser read different values; the clerk is shown both.</summary>
public sealed record FieldDisagreement(string Field, string? Model, string? Parser);
