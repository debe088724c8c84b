using System.Threading.RateLimiting;

namespace KpuTriage.Web.Auth;

/// <summary>
/// ASP.NET Core's rate limiter on sign-in (the desk's form posts and the token API): a fixed
/// window per client address, Auth:SignInPermits per Auth:SignInWindow, answered 429 beyond it.
/// Only POSTs count, so showing the form costs nothing.
/// </summary>
public static class SignInLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddKpuTriageSignInLimit(this IServiceCollection services, AuthOptions auth) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = auth.SignInPermits, Window = auth.SignInWindow, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
}
