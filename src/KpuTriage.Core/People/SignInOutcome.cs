namespace KpuTriage.Core.People;

/// <summary>What a password sign-in came to: the account, a plain failure, or a refusal without a check because the account is throttled.</summary>
public sealed record SignInOutcome(UserAccount? User, TimeSpan? RetryAfter)
{
    public static SignInOutcome Failed { get; } = new(null, null);

    public bool Throttled => RetryAfter is not null;
}
