using KpuTriage.Core.People;
using Microsoft.AspNetCore.Authorization;

namespace KpuTriage.Web.Auth;

/// <summary>Who may do what. Every endpoint and page names one of these; the fallback policy denies anonymous callers everywhere else.</summary>
public static class Policies
{
    /// <summary>Submit documents and read their status: integrations and people.</summary>
    public const string Submit = "submit";

    /// <summary>Work the review inbox, decide, read the register: clerks and supervisors.</summary>
    public const string Review = "review";

    /// <summary>Manage accounts and keys.</summary>
    public const string Admin = "admin";

    /// <summary>Watch the desk's figures (the dashboard): supervisors and admins.</summary>
    public const string Oversight = "oversight";

    /// <summary>Any signed-in person (not an integration): their own settings.</summary>
    public const string Person = "person";

    public static IServiceCollection AddKpuTriageAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var authentication = services.AddAuthentication(ApiKeyOrBearer.Scheme)
            .AddPolicyScheme(ApiKeyOrBearer.Scheme, "API key, bearer token or desk cookie", o => o.ForwardDefaultSelector = ApiKeyOrBearer.Select)
            .AddBearerToken(ApiKeyOrBearer.BearerScheme, AccountTokens.Configure)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddCookie(DeskCookie.Scheme, o => DeskCookie.Configure(o, auth));
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(OidcSignIn.Scheme, o => OidcSignIn.Configure(o, oidc));
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Submit, p => p.RequireRole(Roles.Integration, Roles.Clerk, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Review, p => p.RequireRole(Roles.Clerk, Roles.Supervisor))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Oversight, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Person, p => p.RequireRole(Roles.ForPeople.ToArray()));
        services.AddKpuTriageSignInLimit(auth);
        return services;
    }
}
