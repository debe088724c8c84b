using System.Security.Claims;
using KpuTriage.Core.People;

namespace KpuTriage.Web.Auth;

/// <summary>POST /api/v1/auth/token: user name and password for a bearer token (the only anonymous API call).</summary>
public static class AuthEndpoints
{
    public sealed record TokenRequest(string? UserName, string? Password);

    public static void MapAuthEndpoints(this RouteGroupBuilder api) =>
        api.MapPost("/auth/token", async (TokenRequest request, AccountService accounts, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                return Results.Problem("userName and password are required.", statusCode: StatusCodes.Status400BadRequest);
            }

            var user = await accounts.SignInAsync(request.UserName, request.Password, ct);
            if (user is null)
            {
                return Results.Problem("wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);
            }

            var claims = new List<Claim> { new(ClaimTypes.Name, user.UserName), new(ClaimTypes.NameIdentifier, user.Id.ToString()) };
            claims.AddRange(user.RoleList().Select(r => new Claim(ClaimTypes.Role, r)));
            return Results.SignIn(new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyOrBearer.BearerScheme)), authenticationScheme: ApiKeyOrBearer.BearerScheme);
        }).AllowAnonymous().RequireRateLimiting(SignInLimit.Policy);
}
