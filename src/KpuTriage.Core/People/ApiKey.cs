namespace KpuTriage.Core.People;

/// <summary>An integration's key. Only its SHA-256 is stored; the key itself is shown once.</summary>
public sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The integration's name; also the <c>source</c> of what it submits unless it names one of <see cref="FurtherSources"/>.</summary>
    public required string Name { get; init; }

    public required string KeyHash { get; init; }
    public bool Revoked { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Sources besides <see cref="Name"/> an admin allowed this key to submit under and read
    /// (e.g. the AMQP source the same system also uses). Set when the key is made: a key that
    /// needs other sources is replaced, so what a key may see never changes under it.
    /// </summary>
    public List<string> FurtherSources { get; init; } = [];

    /// <summary>Every source this key acts as: its name first.</summary>
    public IReadOnlyList<string> Sources => [Name, .. FurtherSources];
}
