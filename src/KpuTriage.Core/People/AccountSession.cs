namespace KpuTriage.Core.People;

/// <summary>
/// One signed-in desk cookie or one bearer token, server-side: the cookie or token names it,
/// and it works only while this row exists, has not expired, and its account is enabled with
/// the security stamp the credential was issued under. Signing out deletes the row, so a
/// copy of the cookie taken before stops working with it.
/// </summary>
public sealed class AccountSession
{
    public const string Desk = "desk";
    public const string Token = "token";

    /// <summary>Random (version 4), never derived from anything a caller can see.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid UserId { get; init; }

    /// <summary><see cref="Desk"/> or <see cref="Token"/>: a token cannot stand in for a desk session or the other way round.</summary>
    public required string Kind { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>A token's end; for the desk, moved forward as the sliding session is used.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}
