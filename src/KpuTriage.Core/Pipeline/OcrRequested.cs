namespace KpuTriage.Core.Pipeline;

/// <summary>A document's text layer was read and pages remain that only OCR can read; the OCR stage reads them.</summary>
public sealed record OcrRequested(Guid DocumentId);
