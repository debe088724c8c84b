using KpuTriage.Core.People;

namespace KpuTriage.Web.Auth;

/// <summary>Who may do what. Every endpoint names one of these; the fallback policy denies anonymous callers everywhere else.</summary>
public static class Policies
{
    /// <summary>Submit documents and read their status: integrations and people.</summary>
    public const string Submit = "submit";

    /// <summary>Work the review inbox and decide: clerks and supervisors.</summary>
    public const string Review = "review";

    /// <summary>Manage accounts and keys.</summary>
    public const string Admin = "admin";

    public static IServiceCollection AddKpuTriageAuth(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyOrBearer.Scheme)
            .AddPolicyScheme(ApiKeyOrBearer.Scheme, "API key or bearer token", o => o.ForwardDefaultSelector = ApiKeyOrBearer.Select)
            .AddBearerToken(ApiKeyOrBearer.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(10))
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Submit, p => p.RequireRole(Roles.Integration, Roles.Clerk, Roles.Supervisor, Roles.Admin))
            .AddPolicy(Review, p => p.RequireRole(Roles.Clerk, Roles.Supervisor))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        return services;
    }
}
