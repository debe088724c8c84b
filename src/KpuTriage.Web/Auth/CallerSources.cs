using System.Security.Claims;
using KpuTriage.Core.People;

namespace KpuTriage.Web.Auth;

/// <summary>
/// Which sources a caller acts as. An integration's principal carries its key's sources as
/// claims (<see cref="ApiKeyHandler"/>): it submits only under them and reads only their
/// documents. A person submits under their own name and reads every document.
/// </summary>
public static class CallerSources
{
    public const string ClaimType = "kputriage:source";

    public static IEnumerable<Claim> Claims(ApiKey key) => key.Sources.Select(s => new Claim(ClaimType, s));

    /// <summary>The sources a submission may name; the first is the one used when it names none.</summary>
    public static IReadOnlyList<string> Submittable(ClaimsPrincipal caller) =>
        caller.IsInRole(Roles.Integration) ? Sources(caller) : [caller.Identity?.Name ?? ""];

    /// <summary>The sources whose documents the caller may read; null when it may read every document.</summary>
    public static IReadOnlyList<string>? Readable(ClaimsPrincipal caller) =>
        caller.IsInRole(Roles.Integration) ? Sources(caller) : null;

    private static List<string> Sources(ClaimsPrincipal caller) => caller.FindAll(ClaimType).Select(c => c.Value).ToList();
}
