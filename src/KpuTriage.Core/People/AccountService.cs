using System.Security.Cryptography;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Refusals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.People;

/// <summary>
/// Local accounts (integration keys are <see cref="IntegrationKeys"/>; signing in is
/// <see cref="PasswordSignIn"/>). Passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher.
/// Every change to an account (creation, roles, password, state, sign-out everywhere) is recorded
/// in the decision ledger with who made it, and each that changes what the account may do ends its sessions.
/// </summary>
public sealed class AccountService(TriageDb db, DecisionLedger ledger, TimeProvider clock)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <param name="actor">Who makes the change, as the ledger records it: a desk admin's name, "command:&lt;os user&gt;", "first-run".</param>
    /// <exception cref="RefusedException">The name or the password breaks the rules (<see cref="UserNames"/>, <see cref="PasswordPolicy"/>).</exception>
    /// <exception cref="DbUpdateException">An account of the same normalised name exists (a unique violation).</exception>
    public async Task<UserAccount> CreateUserAsync(string userName, string password, IEnumerable<string> roles, string actor, CancellationToken ct)
    {
        var roleList = CheckedRoles(roles);
        if (UserNames.Problem(userName) is { } nameProblem)
        {
            throw new RefusedException(nameProblem);
        }

        if (PasswordPolicy.Problem(userName, password) is { } problem)
        {
            throw new RefusedException(problem);
        }

        if (await IntegrationKeys.IsSourceAsync(db, userName, ct))
        {
            throw new RefusedException(AccountRefusals.UserNameIsSource(userName.Trim()));
        }

        var user = new UserAccount
        {
            UserName = userName.Trim(),
            NormalizedUserName = UserNames.Normalize(userName)!,
            PasswordHash = "",
            Roles = string.Join(',', roleList),
            CreatedAt = clock.GetUtcNow(),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await ledger.SaveWithEntryAsync(AccountPayload.Record(AccountPayload.Created, user, actor), ct);
        return user;
    }

    public async Task<IReadOnlyList<UserAccount>> UsersAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);

    public Task<UserAccount?> FindUserAsync(string userName, CancellationToken ct)
    {
        var name = UserNames.Normalize(userName);
        return db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == name, ct);
    }

    /// <summary>Sets a new password: the account's sessions and tokens end, and its sign-in throttle is lifted.</summary>
    /// <exception cref="RefusedException">No such user, or the password breaks <see cref="PasswordPolicy"/>.</exception>
    public async Task SetPasswordAsync(string userName, string password, string actor, CancellationToken ct)
    {
        var user = await RequiredAsync(userName, ct);
        if (PasswordPolicy.Problem(user.UserName, password) is { } problem)
        {
            throw new RefusedException(problem);
        }

        user.PasswordHash = Hasher.HashPassword(user, password);
        await SaveEndingSessionsAsync(user, AccountPayload.PasswordSet, actor, ct);
        // A new password is a fresh start: the failures that throttle the account are forgiven
        // (how an admin lets a locked-out person back in before the window has passed).
        await db.SignInFailures.Where(f => f.UserName == user.NormalizedUserName).ExecuteDeleteAsync(ct);
    }

    /// <exception cref="RefusedException">No such user, or a role that is not one of <see cref="Roles.ForPeople"/>.</exception>
    public async Task SetRolesAsync(string userName, IEnumerable<string> roles, string actor, CancellationToken ct)
    {
        var roleList = CheckedRoles(roles);
        var user = await RequiredAsync(userName, ct);
        user.Roles = string.Join(',', roleList);
        await SaveEndingSessionsAsync(user, AccountPayload.RolesChanged, actor, ct);
    }

    /// <summary>A disabled account cannot sign in, and its open sessions and tokens end at their next request.</summary>
    public async Task SetDisabledAsync(string userName, bool disabled, string actor, CancellationToken ct)
    {
        var user = await RequiredAsync(userName, ct);
        user.Disabled = disabled;
        await SaveEndingSessionsAsync(user, disabled ? AccountPayload.Disabled : AccountPayload.Enabled, actor, ct);
    }

    /// <summary>"Sign out everywhere": every desk session and bearer token of the account ends, on every device.</summary>
    /// <exception cref="RefusedException">No such user.</exception>
    public async Task SignOutEverywhereAsync(string userName, string actor, CancellationToken ct) =>
        await SaveEndingSessionsAsync(await RequiredAsync(userName, ct), AccountPayload.SignedOutEverywhere, actor, ct);

    /// <summary>
    /// Saves a change to what the account may do with its ledger entry, under a new security
    /// stamp: every cookie and token issued before carries the old one and is refused from its
    /// next request on. Their sessions are deleted too, only to keep the table small.
    /// </summary>
    private async Task SaveEndingSessionsAsync(UserAccount user, string change, string actor, CancellationToken ct)
    {
        user.RotateSecurityStamp();
        await ledger.SaveWithEntryAsync(AccountPayload.Record(change, user, actor), ct);
        await db.AccountSessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
    }

    public async Task SetLanguageAsync(Guid userId, string language, CancellationToken ct)
    {
        if (language is not ("id" or "en"))
        {
            throw new RefusedException(AccountRefusals.Language());
        }

        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language), ct);
    }

    /// <summary>
    /// The local record of a person signed in by the office's identity provider: made on first
    /// sign-in, roles refreshed from the provider's claims each time. It never has a password.
    /// </summary>
    public async Task<UserAccount> ExternalUserAsync(string userName, IReadOnlyList<string> roles, CancellationToken ct)
    {
        if (UserNames.Problem(userName) is { } problem)
        {
            throw new InvalidOperationException($"the identity provider's user name is refused: {problem.Message}");
        }

        var name = UserNames.Normalize(userName);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == name, ct);
        if (user is null)
        {
            if (await IntegrationKeys.IsSourceAsync(db, userName, ct))
            {
                throw new InvalidOperationException($"the identity provider's user name is refused: {AccountRefusals.UserNameIsSource(userName.Trim()).Message}");
            }

            user = new UserAccount
            {
                UserName = userName.Trim(),
                NormalizedUserName = name!,
                PasswordHash = "",
                Roles = string.Join(',', roles),
                External = true,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Users.Add(user);
            await ledger.SaveWithEntryAsync(AccountPayload.Record(AccountPayload.Created, user, "identity-provider"), ct);
        }
        else if (!user.External)
        {
            throw new InvalidOperationException($"'{userName}' is a local account; the identity provider cannot sign in as it.");
        }
        else if (user.Roles != string.Join(',', roles))
        {
            // The provider changed the person's roles: sessions under the old ones end.
            user.Roles = string.Join(',', roles);
            await SaveEndingSessionsAsync(user, AccountPayload.RolesChanged, "identity-provider", ct);
        }

        return user; // Signed in again with the same roles: nothing to record.
    }

    private async Task<UserAccount> RequiredAsync(string userName, CancellationToken ct)
    {
        var name = UserNames.Normalize(userName);
        return await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == name, ct)
            ?? throw new RefusedException(AccountRefusals.UnknownUser(userName));
    }

    private static List<string> CheckedRoles(IEnumerable<string> roles)
    {
        var roleList = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        if (roleList.Count == 0 || roleList.Any(r => !Roles.ForPeople.Contains(r)))
        {
            throw new RefusedException(AccountRefusals.Roles(Roles.ForPeople));
        }

        return roleList;
    }

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
