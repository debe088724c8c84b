using KpuTriage.Core.Hosting;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Documents;
using KpuTriage.Web.Health;
using KpuTriage.Web.People;
using KpuTriage.Web.Review;
using Microsoft.AspNetCore.DataProtection;

namespace KpuTriage.Web;

/// <summary>The web host's own parts: authentication, authorisation and the JSON API.</summary>
public static class WebComposition
{
    public static IHostApplicationBuilder AddKpuTriageWeb(this IHostApplicationBuilder builder)
    {
        var dataDirectory = DataDirectory.Resolve(builder.Configuration);
        // Bearer tokens are protected with these keys; keeping them in the data folder keeps
        // sessions valid across restarts.
        builder.Services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")))
            .SetApplicationName("KpuTriage");
        builder.Services.AddKpuTriageAuth();
        builder.Services.AddProblemDetails();
        builder.Services.AddKpuTriageHealth();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication UseKpuTriageWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapKpuTriageHealth();
        var api = app.MapGroup("/api/v1");
        api.MapAuthEndpoints();
        api.MapDocumentEndpoints();
        api.MapReviewEndpoints();
        api.MapUserEndpoints();
        return app;
    }
}
