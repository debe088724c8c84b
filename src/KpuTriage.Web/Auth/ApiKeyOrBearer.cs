using Microsoft.AspNetCore.Authentication.BearerToken;

namespace KpuTriage.Web.Auth;

/// <summary>
/// Picks the scheme by where a request goes: the JSON API (/api) takes X-Api-Key from
/// integrations and bearer tokens from people; the desk's pages take only the desk cookie.
/// Keeping cookies off the API means no API call can be forged from another site.
/// </summary>
public static class ApiKeyOrBearer
{
    public const string Scheme = "ApiKeyOrBearer";
    public const string BearerScheme = BearerTokenDefaults.AuthenticationScheme;

    public static string Select(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") ? DeskCookie.Scheme
        : context.Request.Headers.ContainsKey(ApiKeyHandler.Header) ? ApiKeyHandler.SchemeName
        : BearerScheme;
}
