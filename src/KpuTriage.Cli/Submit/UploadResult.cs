namespace KpuTriage.Cli.Submit;

public sealed record UploadResult(string Path, bool Accepted, Guid? DocumentId, string? Status, string? Error);
