using KpuTriage.Core.Hosting;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Dashboard;
using KpuTriage.Web.Desk;
using KpuTriage.Web.Documents;
using KpuTriage.Core.Health;
using KpuTriage.Web.KeyRing;
using KpuTriage.Web.People;
using KpuTriage.Web.Proxy;
using KpuTriage.Web.Review;

namespace KpuTriage.Web;

/// <summary>The web host's own parts: authentication, authorisation, the desk's pages and the JSON API.</summary>
public static class WebComposition
{
    public static IHostApplicationBuilder AddKpuTriageWeb(this IHostApplicationBuilder builder)
    {
        builder.AddKpuTriageKeyRing();
        builder.Services.AddKpuTriageAuth(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<TransientFaultHandler>();
        builder.Services.AddKpuTriageHealth();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddKpuTriageDesk();
        builder.AddKpuTriageMetrics();
        builder.AddKpuTriageReverseProxy();
        return builder;
    }

    public static WebApplication UseKpuTriageWeb(this WebApplication app)
    {
        app.UseKpuTriageReverseProxy();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Before authentication: the desk's own CSS and JS are public (the sign-in page needs them).
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.EmbeddedFileProvider(typeof(WebComposition).Assembly, "KpuTriage.Web.wwwroot"),
            OnPrepareResponse = context => SecurityHeaders.AllowCaching(context.Context, "no-cache"),
        });
        app.UseAuthentication();
        app.UseRequestLocalization(UserCulture.Options());
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapKpuTriageHealth();
        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapDocumentEndpoints();
        api.MapReviewEndpoints();
        api.MapUserEndpoints();
        app.MapKpuTriageDesk();
        app.MapKpuTriageMetrics();
        return app;
    }
}
