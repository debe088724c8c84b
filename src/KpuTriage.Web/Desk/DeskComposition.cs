using KpuTriage.Core.Review;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Desk;

/// <summary>The desk: Razor Pages, their strings, and the few endpoints that serve files to pages.</summary>
public static class DeskComposition
{
    public static IServiceCollection AddKpuTriageDesk(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Named explicitly: a test or benchmark host's entry assembly is not this one, and the
        // pages must be found wherever the desk is started from.
        services.AddRazorPages().AddApplicationPart(typeof(DeskComposition).Assembly);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "kputriage.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            // Secure whenever the request is HTTPS, also behind a configured TLS proxy (the default never marks it).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<OfficeTime>();
        services.AddSingleton<RefusalText>();
        services.AddMemoryCache();
        return services;
    }

    public static WebApplication MapKpuTriageDesk(this WebApplication app)
    {
        // A decision form is read only up to Review:MaxDecisionBytes, as the decision API is:
        // routing applies the limit before anti-forgery or model binding read any of the form.
        var decisionBytes = app.Services.GetRequiredService<IOptions<ReviewOptions>>().Value.MaxDecisionBytes;
        app.MapRazorPages().Add(endpoint =>
        {
            if (endpoint.Metadata.OfType<PageActionDescriptor>().Any(page => page.ViewEnginePath == "/Item"))
            {
                endpoint.Metadata.Add(new RequestSizeLimitAttribute(decisionBytes));
            }
        });
        app.MapDeskFiles();
        app.MapGet("/login/oidc", (Microsoft.Extensions.Options.IOptions<OidcOptions> oidc, string? returnUrl) =>
            oidc.Value.Enabled
                ? Results.Challenge(new() { RedirectUri = LocalUrl(returnUrl) }, [OidcSignIn.Scheme])
                : Results.NotFound())
            .AllowAnonymous().RequireRateLimiting(SignInLimit.Policy);
        return app;
    }

    /// <summary>
    /// Only local paths are followed after sign-in, so a crafted link cannot send a clerk elsewhere.
    /// No control character either: browsers drop a tab or line feed from a URL, which turns
    /// "/&#9;/evil.example" into "//evil.example" (and ASP.NET Core's LocalRedirect refuses them with a 500).
    /// </summary>
    public static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
