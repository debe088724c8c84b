using System.Security.Claims;
using System.Text.Json;

namespace KpuTriage.Web.Auth;

/// <summary>The desk roles a person has, from the identity provider's role claims through Auth:Oidc:Roles.</summary>
public static class OidcRoleMapping
{
    /// <returns>Desk roles, distinct, in the order of <see cref="Core.People.Roles.ForPeople"/>; empty when nothing maps.</returns>
    public static IReadOnlyList<string> Map(IEnumerable<Claim> claims, OidcOptions options)
    {
        var values = claims.Where(c => c.Type == options.RoleClaim).SelectMany(c => Values(c.Value));
        var mapped = values.Select(v => options.Roles.GetValueOrDefault(v)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. Core.People.Roles.ForPeople.Where(mapped.Contains)];
    }

    // Providers send several claims of one type, or one claim holding a JSON array.
    private static List<string> Values(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value];
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(value) ?? [];
        }
        catch (JsonException)
        {
            return [value];
        }
    }
}
