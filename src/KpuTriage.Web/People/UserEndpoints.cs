using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Refusals;
using KpuTriage.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Web.People;

/// <summary>Accounts and integration keys, for admins.</summary>
public static class UserEndpoints
{
    public sealed record NewUser(string? UserName, string? Password, IReadOnlyList<string>? Roles);

    /// <param name="Sources">Sources besides the name the key may submit under and read.</param>
    public sealed record NewApiKey(string? Name, IReadOnlyList<string>? Sources);

    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", async (TriageDb db, CancellationToken ct) =>
            Results.Ok(await db.Users.AsNoTracking().OrderBy(u => u.UserName)
                .Select(u => new { u.Id, u.UserName, u.Roles, u.Disabled, u.CreatedAt }).ToListAsync(ct)));
        admin.MapPost("/users", async (NewUser request, AccountService accounts, System.Security.Claims.ClaimsPrincipal caller, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || request.Password is null)
            {
                return Results.Problem("userName, password and roles are required.", statusCode: StatusCodes.Status400BadRequest);
            }

            try
            {
                var user = await accounts.CreateUserAsync(request.UserName, request.Password, request.Roles ?? [], caller.Identity!.Name!, ct);
                return Results.Created($"/api/v1/users/{user.Id}", new { user.Id, user.UserName, user.Roles });
            }
            catch (RefusedException e)
            {
                return Results.Problem(e.Refusal.Message, statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?> { ["code"] = e.Refusal.Code });
            }
            catch (ArgumentException e)
            {
                return Results.Problem(e.Message.Split(" (Parameter")[0], statusCode: StatusCodes.Status400BadRequest);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                return Results.Problem($"user '{request.UserName}' exists already.", statusCode: StatusCodes.Status409Conflict);
            }
        });
        admin.MapPost("/api-keys", async (NewApiKey request, IntegrationKeys keys, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Name))
            {
                return Results.Problem("name is required.", statusCode: StatusCodes.Status400BadRequest);
            }

            try
            {
                var issued = await keys.CreateAsync(request.Name, request.Sources ?? [], null, ct);
                return Results.Created("/api/v1/api-keys", new { issued.Name, issued.Sources, key = issued.Secret });
            }
            catch (RefusedException e)
            {
                return Results.Problem(e.Refusal.Message, statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["code"] = e.Refusal.Code });
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                return Results.Problem($"an API key named '{request.Name}' exists already.", statusCode: StatusCodes.Status409Conflict);
            }
        });
    }
}
