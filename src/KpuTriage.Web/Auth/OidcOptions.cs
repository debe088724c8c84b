using System.ComponentModel.DataAnnotations;
using KpuTriage.Core.People;

namespace KpuTriage.Web.Auth;

/// <summary>
/// Configuration section "Auth:Oidc": sign-in through the office's identity provider (e.g.
/// Keycloak) beside the local accounts. Off unless Authority is set. Roles come only from the
/// provider's claims, through <see cref="Roles"/>: a claim value → desk role map, so nothing
/// the provider sends can grant a role the office did not map.
/// </summary>
public sealed class OidcOptions : IValidatableObject
{
    public const string Section = "Auth:Oidc";

    /// <summary>Auth:Oidc:Authority — the issuer, e.g. https://sso.example/realms/kpu.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Auth:Oidc:DisplayName — the sign-in button's label.</summary>
    public string DisplayName { get; set; } = "SSO";

    /// <summary>Auth:Oidc:NameClaim — the claim used as the desk's user name.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Auth:Oidc:RoleClaim — the claim that carries the provider's roles or groups.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Auth:Oidc:Roles:&lt;provider value&gt; = clerk | supervisor | admin.</summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>Auth:Oidc:RequireHttpsMetadata — only for a test provider on plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult($"Auth:Oidc:Authority '{Authority}' must be an absolute http(s) URL.", [nameof(Authority)]);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("Auth:Oidc:ClientId must be set when Auth:Oidc:Authority is.", [nameof(ClientId)]);
        }

        if (Roles.Count == 0)
        {
            yield return new ValidationResult("Auth:Oidc:Roles must map at least one provider role to clerk, supervisor or admin (e.g. Auth:Oidc:Roles:kpu-pencatat=clerk).", [nameof(Roles)]);
        }

        foreach (var (claim, role) in Roles.Where(r => !Core.People.Roles.ForPeople.Contains(r.Value)))
        {
            yield return new ValidationResult($"Auth:Oidc:Roles:{claim} is '{role}'; a desk role is clerk, supervisor or admin.", [nameof(Roles)]);
        }
    }
}
