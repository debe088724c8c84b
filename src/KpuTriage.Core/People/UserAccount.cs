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

    public IReadOnlyList<string> RoleList() => Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
