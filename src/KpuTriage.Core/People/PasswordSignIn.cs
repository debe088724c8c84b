using KpuTriage.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.People;

/// <summary>
/// Sign-in with a user name and a local password (the desk's form and the token API). Two
/// things an attacker could learn or use are closed here:
/// <list type="bullet">
/// <item>Which names exist: an unknown, disabled or SSO-only name costs the same work as a
/// wrong password (a dummy hash is verified), and the throttle counts names, not accounts.</item>
/// <item>Guessing one account's password from many addresses: each attempt is recorded before
/// the password is checked, and an attempt that finds <see cref="SignInThrottleOptions.AccountFailureLimit"/>
/// failures before it in the window is refused unchecked (<see cref="SignInOutcome.Throttled"/>), so
/// even a burst of parallel guesses gets no more checks than the limit.</item>
/// </list>
/// </summary>
public sealed class PasswordSignIn(TriageDb db, TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    // A hash of a password nobody knows, verified whenever there is no real one to verify: the
    // same algorithm and iteration count as every account's, so it takes as long.
    private static readonly UserAccount Nobody = new() { UserName = "", NormalizedUserName = "", PasswordHash = "", Roles = "" };
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(Nobody, AccountService.NewSecret()));

    public async Task<SignInOutcome> SignInAsync(string userName, string password, CancellationToken ct)
    {
        var name = UserNames.Normalize(userName);
        if (name is null || name.Length is 0 or > UserNames.MaxLength)
        {
            // No account can have this name; nothing to count.
            Hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
            return SignInOutcome.Failed;
        }

        var attempt = await RecordAttemptAsync(name, ct);
        if (await RetryAfterAsync(attempt, ct) is { } retryAfter)
        {
            // Refused unchecked and not counted: the lock ends when the failures that caused it leave the window.
            await db.SignInFailures.Where(f => f.Id == attempt.Id).ExecuteDeleteAsync(ct);
            return new SignInOutcome(null, retryAfter);
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == name, ct);
        var usable = user is { Disabled: false, External: false };
        var result = usable ? Hasher.VerifyHashedPassword(user!, user!.PasswordHash, password) : Hasher.VerifyHashedPassword(Nobody, DummyHash.Value, password);
        if (!usable || result == PasswordVerificationResult.Failed)
        {
            return SignInOutcome.Failed; // The attempt stays recorded as a failure.
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user!.PasswordHash = Hasher.HashPassword(user, password);
            await db.SaveChangesAsync(ct);
        }

        // The right password forgives the account's failures.
        await db.SignInFailures.Where(f => f.UserName == name).ExecuteDeleteAsync(ct);
        return new SignInOutcome(user, null);
    }

    private async Task<SignInFailure> RecordAttemptAsync(string name, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expired = now - options.Value.AccountFailureWindow;
        await db.SignInFailures.Where(f => f.At <= expired).ExecuteDeleteAsync(ct);
        var attempt = new SignInFailure { UserName = name, At = now };
        db.SignInFailures.Add(attempt);
        await db.SaveChangesAsync(ct);
        db.Entry(attempt).State = EntityState.Detached;
        return attempt;
    }

    /// <returns>How long until the account takes attempts again, when the attempts before this one reached the limit; null otherwise.</returns>
    private async Task<TimeSpan?> RetryAfterAsync(SignInFailure attempt, CancellationToken ct)
    {
        var (limit, window) = (options.Value.AccountFailureLimit, options.Value.AccountFailureWindow);
        var since = attempt.At - window;
        var before = await db.SignInFailures.AsNoTracking()
            .Where(f => f.UserName == attempt.UserName && f.Id < attempt.Id && f.At > since)
            .OrderByDescending(f => f.Id).Take(limit).Select(f => f.At).ToListAsync(ct);
        if (before.Count < limit)
        {
            return null;
        }

        // Open again once the oldest of the last `limit` failures is out of the window.
        var wait = before.Min() + window - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }
}
