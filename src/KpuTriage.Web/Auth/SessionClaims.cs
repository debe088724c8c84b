using System.Security.Claims;

namespace KpuTriage.Web.Auth;

/// <summary>
/// What ties a desk cookie or bearer token to the server's side of it: the account's id, the
/// <see cref="Core.People.AccountSession"/> it opened, and the account's security stamp when it
/// was issued. A credential without all three (one issued before sessions existed) is refused.
/// </summary>
public static class SessionClaims
{
    public const string Session = "kputriage:session";
    public const string Stamp = "kputriage:stamp";

    public static Guid? UserId(ClaimsPrincipal principal) => GuidOf(principal, ClaimTypes.NameIdentifier);

    public static Guid? SessionId(ClaimsPrincipal principal) => GuidOf(principal, Session);

    public static string? StampOf(ClaimsPrincipal principal) => principal.FindFirstValue(Stamp);

    private static Guid? GuidOf(ClaimsPrincipal principal, string type) => Guid.TryParse(principal.FindFirstValue(type), out var id) ? id : null;
}
