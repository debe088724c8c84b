namespace KpuTriage.Core.Intake;

/// <summary>One file offered by any channel (HTTP, AMQP, CLI).</summary>
public sealed record IntakeRequest(
    string Source,
    string? ExternalId,
    string FileName,
    string? DeclaredContentType,
    string? MetadataJson,
    Stream Content);
