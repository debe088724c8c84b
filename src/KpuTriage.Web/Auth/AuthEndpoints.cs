using KpuTriage.Core.People;

namespace KpuTriage.Web.Auth;

/// <summary>
/// POST /api/v1/auth/token: user name and password for a bearer token (the only anonymous API
/// call). DELETE /api/v1/auth/token: the holder revokes the token it sends.
/// </summary>
public static class AuthEndpoints
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", async (TokenRequest request, PasswordSignIn signIn, AccountSessions sessions, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                return Results.Problem("userName and password are required.", statusCode: StatusCodes.Status400BadRequest);
            }

            var result = await signIn.SignInAsync(request.UserName, request.Password, ct);
            if (result.RetryAfter is { } retryAfter)
            {
                var refusal = SignInThrottle.Refusal(http, retryAfter);
                return Results.Problem(refusal.Message, statusCode: StatusCodes.Status429TooManyRequests, extensions: new Dictionary<string, object?> { ["code"] = refusal.Code });
            }

            return result.User is { } user
                ? await AccountTokens.IssueAsync(user, sessions, clock, ct)
                : Results.Problem("wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);
        }).AllowAnonymous().RequireRateLimiting(SignInLimit.Policy);

        api.MapDelete("/auth/token", async (System.Security.Claims.ClaimsPrincipal caller, AccountSessions sessions, CancellationToken ct) =>
        {
            if (SessionClaims.SessionId(caller) is { } session)
            {
                await sessions.EndAsync(session, ct);
            }

            return Results.NoContent();
        }).RequireAuthorization(Policies.Person);
    }
}
