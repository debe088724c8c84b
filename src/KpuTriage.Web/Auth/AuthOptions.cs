using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Web.Auth;

/// <summary>
/// Configuration section "Auth": desk sessions and the per-address sign-in rate limit (the
/// per-account throttle, Auth:AccountFailureLimit and Auth:AccountFailureWindow, is
/// <see cref="Core.People.SignInThrottleOptions"/>; OpenID Connect is under Auth:Oidc).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Auth:SessionTimeout — a desk session ends after this long without a request (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Auth:SessionTimeout must be between 1 minute and 1 day.")]
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Auth:SignInPermits — sign-in attempts (desk form and token API) one address may make per Auth:SignInWindow.</summary>
    [Range(1, 100_000, ErrorMessage = "Auth:SignInPermits must be between 1 and 100000.")]
    public int SignInPermits { get; set; } = 10;

    /// <summary>Auth:SignInWindow — the window of the sign-in rate limit.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Auth:SignInWindow must be between 1 second and 1 hour.")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);
}
