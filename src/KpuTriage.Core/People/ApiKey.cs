namespace KpuTriage.Core.People;

/// <summary>An integration's key. Only its SHA-256 is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The integration's name; also the default <c>source</c> of what it submits.</summary>
    public required string Name { get; init; }

    public required string KeyHash { get; init; }
    public bool Revoked { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
