using System.Security.Claims;
using KpuTriage.Core.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KpuTriage.Web.Auth;

/// <summary>
/// The desk's session: an HTTP-only, SameSite=Strict cookie with a sliding timeout, backed by
/// an <see cref="AccountSession"/> row. Every request checks that row joined with the account
/// (one read): signing out deletes the row, so a copy of the cookie dies with it; a disabled
/// account or a changed security stamp (roles, password, sign-out everywhere) ends it at once.
/// The person's name and language are refreshed from the account on the way.
/// </summary>
public static class DeskCookie
{
    public const string Scheme = "Desk";
    public const string LanguageClaim = "kputriage:lang";

    /// <param name="session">The desk session the principal belongs to; none yet when signing in (it is opened then).</param>
    public static ClaimsPrincipal Principal(UserAccount user, string authenticationType, Guid? session = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(LanguageClaim, string.IsNullOrEmpty(user.Language) ? "id" : user.Language),
            new(SessionClaims.Stamp, user.SecurityStamp),
        };
        if (session is { } id)
        {
            claims.Add(new Claim(SessionClaims.Session, id.ToString()));
        }

        claims.AddRange(user.RoleList().Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    public static void Configure(CookieAuthenticationOptions options, AuthOptions auth)
    {
        options.Cookie.Name = "kputriage.desk";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = auth.SessionTimeout;
        options.SlidingExpiration = true;
        options.LoginPath = "/login";
        options.LogoutPath = "/logout";
        options.AccessDeniedPath = "/denied";
        options.Events.OnSigningIn = OpenSessionAsync;
        options.Events.OnValidatePrincipal = ValidateAsync;
        options.Events.OnSigningOut = EndSessionAsync;
    }

    /// <summary>Every sign-in to the desk (the form, single sign-on) opens a session; a re-issue of a signed-in cookie (a language switch) keeps its own.</summary>
    private static async Task OpenSessionAsync(CookieSigningInContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<AccountSessions>();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var expires = context.Properties.ExpiresUtc ?? clock.GetUtcNow() + context.Options.ExpireTimeSpan;
        var principal = context.Principal!;
        if (SessionClaims.SessionId(principal) is { } existing)
        {
            await sessions.ExtendAsync(existing, expires, context.HttpContext.RequestAborted);
            return;
        }

        var userId = SessionClaims.UserId(principal) ?? throw new InvalidOperationException("a desk sign-in needs the account's id claim.");
        var session = await sessions.StartAsync(userId, AccountSession.Desk, expires, context.HttpContext.RequestAborted);
        var identity = new ClaimsIdentity(principal.Claims, principal.Identity?.AuthenticationType);
        identity.AddClaim(new Claim(SessionClaims.Session, session.Id.ToString()));
        context.Principal = new ClaimsPrincipal(identity);
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        var services = context.HttpContext.RequestServices;
        var live = SessionClaims.UserId(principal) is { } userId && SessionClaims.SessionId(principal) is { } sessionId
            ? await services.GetRequiredService<AccountSessions>().CheckAsync(
                userId, sessionId, SessionClaims.StampOf(principal), AccountSession.Desk, context.HttpContext.RequestAborted)
            : null;
        if (live is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        var (user, session) = live.Value;
        var current = Principal(user, Scheme, session.Id);
        if (!SameClaims(principal, current))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }

        // Sliding: once half the timeout is used, the server's end moves with the cookie's.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (session.ExpiresAt - now < context.Options.ExpireTimeSpan / 2)
        {
            await services.GetRequiredService<AccountSessions>().ExtendAsync(session.Id, now + context.Options.ExpireTimeSpan, context.HttpContext.RequestAborted);
            context.ShouldRenew = true;
        }
    }

    /// <summary>Signing out ends the session on the server too, so a copy of the cookie stops working with it.</summary>
    private static async Task EndSessionAsync(CookieSigningOutContext context)
    {
        if (SessionClaims.SessionId(context.HttpContext.User) is { } session)
        {
            await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().EndAsync(session, context.HttpContext.RequestAborted);
        }
    }

    private static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b) =>
        a.Claims.Select(c => $"{c.Type}={c.Value}").Order().SequenceEqual(b.Claims.Select(c => $"{c.Type}={c.Value}").Order());
}
