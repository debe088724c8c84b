using System.Security.Claims;
using KpuTriage.Core.People;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace KpuTriage.Web.Auth;

/// <summary>
/// OpenID Connect sign-in (authorization code flow with PKCE) into the desk cookie. After the
/// provider's token is validated, its role claims are mapped to desk roles; a person with no
/// mapped role is refused, and the local record of the person (language, audit name) is kept
/// up to date.
/// </summary>
public static class OidcSignIn
{
    public const string Scheme = "oidc";

    public static void Configure(OpenIdConnectOptions o, OidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.SignInScheme = DeskCookie.Scheme;
        o.MapInboundClaims = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        // A refused or failed sign-in at the provider comes back to the sign-in page with a
        // message for the person; the reason goes to the log for whoever runs the desk.
        o.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcSignIn))
                .LogWarning("Sign-in through the identity provider failed: {Reason}", context.Failure?.Message);
            context.Response.Redirect($"{context.Request.PathBase}/login?sso=failed");
            context.HandleResponse();
            return Task.CompletedTask;
        };
        o.Events.OnTokenValidated = async context =>
        {
            var claims = context.Principal?.Claims.ToList() ?? [];
            var roles = OidcRoleMapping.Map(claims, oidc);
            var name = claims.FirstOrDefault(c => c.Type == oidc.NameClaim)?.Value;
            if (roles.Count == 0 || string.IsNullOrWhiteSpace(name))
            {
                context.Fail($"no desk role is mapped for this account (Auth:Oidc:Roles), or it has no '{oidc.NameClaim}' claim.");
                return;
            }

            var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
            try
            {
                var user = await accounts.ExternalUserAsync(name, roles, context.HttpContext.RequestAborted);
                if (user.Disabled)
                {
                    context.Fail("this account is disabled in the desk.");
                    return;
                }

                context.Principal = DeskCookie.Principal(user, Scheme);
            }
            catch (InvalidOperationException e)
            {
                context.Fail(e.Message);
            }
        };
    }

    /// <summary>The claims a provider's token gives, mapped as the desk will see them (for tests and diagnostics).</summary>
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal principal, OidcOptions oidc) => OidcRoleMapping.Map(principal.Claims, oidc);
}
