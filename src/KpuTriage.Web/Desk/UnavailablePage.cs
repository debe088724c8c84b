using System.Globalization;
using System.Net;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Desk;

/// <summary>
/// What a person at the desk sees when the database or the broker is away for a moment: a short
/// page in their language instead of a JSON problem. It says only what is true: what was saved
/// stays saved; the request that failed was most likely not recorded (its transaction did not
/// commit, or its outcome is unknown), so a form sent just now can be sent again: a decision
/// recorded after all is refused as already decided (or changed), never recorded twice.
/// </summary>
internal static class UnavailablePage
{
    /// <summary>A browser asking for a desk page; the API (and anything not asking for HTML) keeps its JSON.</summary>
    public static bool IsFor(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static async Task WriteAsync(HttpContext http, int retryAfterSeconds)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var culture = new CultureInfo(Language(http) == "en" ? "en-GB" : "id-ID");
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try
        {
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            string T(string key) => WebUtility.HtmlEncode(text[key].Value);
            // A page that was only being read comes back by itself; a form is never sent again unasked.
            var again = HttpMethods.IsGet(http.Request.Method)
                ? $"""<meta http-equiv="refresh" content="{retryAfterSeconds}">"""
                : string.Empty;
            var form = HttpMethods.IsGet(http.Request.Method) ? string.Empty : $"<p>{T("unavailable.form")}</p>";
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"""
                <!DOCTYPE html>
                <html lang="{UserCulture.Language}">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                {again}
                <title>{T("unavailable.title")}</title>
                <link rel="stylesheet" href="/css/desk.css">
                </head>
                <body>
                <main>
                <h1>{T("unavailable.title")}</h1>
                <p>{T("unavailable.saved")}</p>
                {form}
                <p>{T("unavailable.retry")}</p>
                </main>
                </body>
                </html>
                """,
                http.RequestAborted);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>
    /// The person's desk language. The outage usually stops the session check itself (its row is
    /// in the database), so the person is not signed in on this request; their cookie still says
    /// which language they chose, and it is read here for that only: it grants nothing.
    /// </summary>
    private static string Language(HttpContext http)
    {
        if (http.User.FindFirst(DeskCookie.LanguageClaim)?.Value is { } claimed)
        {
            return claimed;
        }

        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(DeskCookie.Scheme);
        var cookie = options.Cookie.Name is { } name ? options.CookieManager.GetRequestCookie(http, name) : null;
        var ticket = cookie is null ? null : options.TicketDataFormat.Unprotect(cookie);
        return ticket?.Principal.FindFirst(DeskCookie.LanguageClaim)?.Value ?? http.Request.Query["lang"].ToString();
    }
}
