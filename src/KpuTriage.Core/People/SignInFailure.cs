namespace KpuTriage.Core.People;

/// <summary>
/// A sign-in attempt for a user name that has not (yet) succeeded, kept for
/// Auth:AccountFailureWindow: <see cref="PasswordSignIn"/> counts them per name. The name is
/// the normalised one, whether or not such an account exists, so the throttle answers alike
/// for real and made-up names.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; init; }
    public required string UserName { get; init; }
    public DateTimeOffset At { get; init; }
}
