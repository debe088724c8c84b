namespace KpuTriage.Core.Pipeline;

/// <summary>A document was stored and recorded; its text can be read. Carries only the id: content stays in the blob store.</summary>
public sealed record DocumentReceived(Guid DocumentId);
