using System.Text.Json;

namespace KpuTriage.Core.Intake;

/// <summary>
/// The plain JSON an integration puts on the <c>kputriage.intake</c> queue from any AMQP
/// client (no MassTransit envelope). Documented in the README.
/// </summary>
public sealed record SubmitDocument
{
    /// <summary>The source of a message that names none.</summary>
    public const string DefaultSource = "amqp";

    public string? FileName { get; init; }
    public string? ContentType { get; init; }

    /// <summary>The file, base64-encoded.</summary>
    public string? Content { get; init; }

    /// <summary>The integration's own id for this document; the idempotency key within <see cref="Source"/>.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Who sent it. The broker's publish rights are what vouch for it: anyone who may publish here may name any source.</summary>
    public string? Source { get; init; }

    /// <summary>Anything the integration wants kept with the document; stored as given.</summary>
    public JsonElement? Metadata { get; init; }
}
