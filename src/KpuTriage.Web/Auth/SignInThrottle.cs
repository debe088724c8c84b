using KpuTriage.Core.People;
using KpuTriage.Core.Refusals;

namespace KpuTriage.Web.Auth;

/// <summary>How the desk and the API answer an attempt refused by the per-account throttle (<see cref="PasswordSignIn"/>): 429, Retry-After, and why.</summary>
public static class SignInThrottle
{
    /// <summary>Sets Retry-After (whole seconds, rounded up) and returns the refusal to show, in whole minutes.</summary>
    public static Refusal Refusal(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return AccountRefusals.SignInThrottled(Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes)));
    }
}
