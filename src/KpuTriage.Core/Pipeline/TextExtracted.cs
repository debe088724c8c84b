namespace KpuTriage.Core.Pipeline;

/// <summary>A document's text was extracted and stored; an engine can propose.</summary>
public sealed record TextExtracted(Guid DocumentId);
