namespace KpuTriage.Core.People;

/// <summary>A person who signs in to the desk. Roles are stored as a comma list of <see cref="Roles"/> names.</summary>
public sealed class UserAccount
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string UserName { get; init; }
    public required string PasswordHash { get; set; }
    public required string Roles { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The desk's language for this person: "id" (default) or "en".</summary>
    public string Language { get; set; } = "id";

    /// <summary>Signs in through the office's identity provider (OpenID Connect), never with a local password.</summary>
    public bool External { get; set; }

    public IReadOnlyList<string> RoleList() => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
