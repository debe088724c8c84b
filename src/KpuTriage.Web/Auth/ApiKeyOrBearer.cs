using Microsoft.AspNetCore.Authentication.BearerToken;

namespace KpuTriage.Web.Auth;

/// <summary>Integrations send X-Api-Key; people send a bearer token from /api/v1/auth/token.</summary>
public static class ApiKeyOrBearer
{
    public const string Scheme = "ApiKeyOrBearer";
    public const string BearerScheme = BearerTokenDefaults.AuthenticationScheme;

    public static string Select(HttpContext context) =>
        context.Request.Headers.ContainsKey(ApiKeyHandler.Header) ? ApiKeyHandler.SchemeName : BearerScheme;
}
