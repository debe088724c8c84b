using System.Security.Cryptography;

namespace KpuTriage.Core.People;

/// <summary>A person who signs in to the desk. Roles are stored as a comma list of <see cref="Roles"/> names.</summary>
public sealed class UserAccount
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The name as the account was created with it, shown and recorded as it is.</summary>
    public required string UserName { get; init; }

    /// <summary>
    /// <see cref="UserName"/> as <see cref="UserNames.Normalize"/> makes it: unique in the
    /// database, and what sign-in and every lookup by name compare.
    /// </summary>
    public required string NormalizedUserName { get; init; }

    public required string PasswordHash { get; set; }
    public required string Roles { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The desk's language for this person: "id" (default) or "en".</summary>
    public string Language { get; set; } = "id";

    /// <summary>Signs in through the office's identity provider (OpenID Connect), never with a local password.</summary>
    public bool External { get; set; }

    /// <summary>
    /// Random, and replaced whenever what the account may do changes (disabled, roles,
    /// password, "sign out everywhere"). Every desk cookie and bearer token carries the stamp
    /// it was issued under and is refused once it no longer matches.
    /// </summary>
    public string SecurityStamp { get; private set; } = NewStamp();

    public IReadOnlyList<string> RoleList() => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Ends every session and token issued so far.</summary>
    public void RotateSecurityStamp() => SecurityStamp = NewStamp();

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
