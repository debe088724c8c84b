using System.Security.Claims;
using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Web.Auth;

/// <summary>
/// The desk's session: an HTTP-only, SameSite=Strict cookie with a sliding timeout. Every
/// request re-reads the account (one primary-key read), so a disabled person is out at once
/// and changed roles or language apply on the next page.
/// </summary>
public static class DeskCookie
{
    public const string Scheme = "Desk";
    public const string LanguageClaim = "kputriage:lang";

    public static ClaimsPrincipal Principal(UserAccount user, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(LanguageClaim, string.IsNullOrEmpty(user.Language) ? "id" : user.Language),
        };
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
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : Guid.Empty;
        var db = context.HttpContext.RequestServices.GetRequiredService<TriageDb>();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        var current = Principal(user, Scheme);
        if (!SameClaims(context.Principal!, current))
        {
            context.ReplacePrincipal(current);
            context.ShouldRenew = true;
        }
    }

    private static bool SameClaims(ClaimsPrincipal a, ClaimsPrincipal b) =>
        a.Claims.Select(c => $"{c.Type}={c.Value}").Order().SequenceEqual(b.Claims.Select(c => $"{c.Type}={c.Value}").Order());
}
