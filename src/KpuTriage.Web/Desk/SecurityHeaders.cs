namespace KpuTriage.Web.Desk;

/// <summary>
/// Headers on every response. The content security policy allows scripts, styles and images
/// only from the desk itself (no inline script, no CDN), so even markup that slipped through
/// escaping could not run; frames are denied so the desk cannot be clickjacked. Nothing is
/// kept by a browser or a proxy cache (Cache-Control: no-store) — pages, letter JSON, page
/// images and exports carry letters and personal data — except what <see cref="AllowCaching"/>
/// marks: the desk's own CSS and JS.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'";

    public const string NoStore = "no-store";

    private static readonly object Cacheable = new();

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Set as the response starts, so no endpoint (a file result, an error page) can leave it out.
            context.Response.OnStarting(() =>
            {
                if (!context.Items.ContainsKey(Cacheable))
                {
                    headers.CacheControl = NoStore;
                }

                return Task.CompletedTask;
            });
            await next();
        });

    /// <summary>Lets this response be cached as <paramref name="cacheControl"/> says, instead of no-store.</summary>
    public static void AllowCaching(HttpContext context, string cacheControl)
    {
        context.Items[Cacheable] = true;
        context.Response.Headers.CacheControl = cacheControl;
    }
}
