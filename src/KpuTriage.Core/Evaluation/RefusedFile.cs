namespace KpuTriage.Core.Evaluation;

/// <summary>A file intake would not accept (empty, unsupported type…): it never reached the pipeline, so it is reported, not scored.</summary>
public sealed record RefusedFile(string File, string Reason);
