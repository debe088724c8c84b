using KpuTriage.Core.Documents;

namespace KpuTriage.Core.Intake;

/// <summary>The document that now holds the file; <see cref="Duplicate"/> when it was already there.</summary>
public sealed record IntakeResult(Document Document, bool Duplicate);
