using System.Security.Claims;
using KpuTriage.Core.People;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace KpuTriage.Web.Auth;

/// <summary>
/// People's bearer tokens for the JSON API: ASP.NET Core's protected token format, each token
/// opening an <see cref="AccountSession"/> of its own. The bearer handler has no hook after it
/// reads a token, so the check is made where it lets one in, on receiving the token: every
/// request reads the session joined with its account (one read), and a token whose session
/// was revoked, whose account was disabled or whose security stamp changed is refused with 401.
/// </summary>
public static class AccountTokens
{
    public const string Scheme = BearerTokenDefaults.AuthenticationScheme;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(10);

    public static void Configure(BearerTokenOptions options)
    {
        options.BearerTokenExpiration = Lifetime;
        options.Events.OnMessageReceived = ValidateAsync;
    }

    /// <summary>Opens a token session for the account and answers with the token (the bearer scheme's JSON: accessToken, expiresIn…).</summary>
    public static async Task<IResult> IssueAsync(UserAccount user, AccountSessions sessions, TimeProvider clock, CancellationToken ct)
    {
        var session = await sessions.StartAsync(user.Id, AccountSession.Token, clock.GetUtcNow() + Lifetime, ct);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(SessionClaims.Session, session.Id.ToString()),
            new(SessionClaims.Stamp, user.SecurityStamp),
        };
        claims.AddRange(user.RoleList().Select(r => new Claim(ClaimTypes.Role, r)));
        return Results.SignIn(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme)), authenticationScheme: Scheme);
    }

    private static async Task ValidateAsync(MessageReceivedContext context)
    {
        const string prefix = "Bearer ";
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var ticket = context.Options.BearerTokenProtector.Unprotect(header[prefix.Length..].Trim());
        var services = context.HttpContext.RequestServices;
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= services.GetRequiredService<TimeProvider>().GetUtcNow())
        {
            return; // Unreadable or expired: the handler refuses it as it always has.
        }

        var principal = ticket.Principal;
        var live = SessionClaims.UserId(principal) is { } userId && SessionClaims.SessionId(principal) is { } sessionId
            ? await services.GetRequiredService<AccountSessions>().CheckAsync(
                userId, sessionId, SessionClaims.StampOf(principal), AccountSession.Token, context.HttpContext.RequestAborted)
            : null;
        if (live is null)
        {
            context.Fail("the session of this token has ended: revoked, signed out everywhere, or the account changed.");
            return;
        }

        context.Principal = principal;
        context.Properties = ticket.Properties;
        context.Success();
    }
}
