using System.ComponentModel.DataAnnotations;

namespace KpuTriage.Core.People;

/// <summary>
/// Configuration section "Auth", the per-account part: beside the per-address rate limit,
/// an account (a user name) that had Auth:AccountFailureLimit wrong passwords within
/// Auth:AccountFailureWindow takes no more attempts — not even the right password — until
/// the oldest of them leaves the window. Counted in the database, so every replica of the
/// desk sees the same count.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Auth";

    /// <summary>Auth:AccountFailureLimit — wrong passwords an account may get per window.</summary>
    [Range(1, 1000, ErrorMessage = "Auth:AccountFailureLimit must be between 1 and 1000.")]
    public int AccountFailureLimit { get; set; } = 10;

    /// <summary>Auth:AccountFailureWindow — how long a wrong password counts against its account.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Auth:AccountFailureWindow must be between 1 second and 1 day.")]
    public TimeSpan AccountFailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
