using System.Security.Cryptography;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Refusals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.People;

/// <summary>
/// Local accounts (integration keys are <see cref="IntegrationKeys"/>). Passwords are hashed with
/// ASP.NET Core Identity's PBKDF2 hasher. Every change to an account (creation, roles, password,
/// state) is recorded in the decision ledger with who made it.
/// </summary>
public sealed class AccountService(TriageDb db, DecisionLedger ledger, TimeProvider clock)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <param name="actor">Who makes the change, as the ledger records it: a desk admin's name, "command:&lt;os user&gt;", "first-run".</param>
    public async Task<UserAccount> CreateUserAsync(string userName, string password, IEnumerable<string> roles, string actor, CancellationToken ct)
    {
        var roleList = CheckedRoles(roles);
        if (PasswordPolicy.Problem(userName, password) is { } problem)
        {
            throw new RefusedException(problem);
        }

        if (string.IsNullOrWhiteSpace(userName) || userName.Trim().Length > 100)
        {
            throw new RefusedException(AccountRefusals.UserNameLength());
        }

        var user = new UserAccount { UserName = userName.Trim(), PasswordHash = "", Roles = string.Join(',', roleList), CreatedAt = clock.GetUtcNow() };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await ledger.SaveWithEntryAsync(AccountPayload.Record(AccountPayload.Created, user, actor), ct);
        return user;
    }

    /// <returns>The account when the password matches an enabled user; otherwise null.</returns>
    public async Task<UserAccount?> SignInAsync(string userName, string password, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        if (user is null || user.Disabled || user.External)
        {
            return null;
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
            await db.SaveChangesAsync(ct);
        }

        return result == PasswordVerificationResult.Failed ? null : user;
    }

    public async Task<IReadOnlyList<UserAccount>> UsersAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);

    public Task<UserAccount?> FindUserAsync(string userName, CancellationToken ct) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct);

    /// <exception cref="RefusedException">No such user, or the password breaks <see cref="PasswordPolicy"/>.</exception>
    public async Task SetPasswordAsync(string userName, string password, string actor, CancellationToken ct)
    {
        var user = await RequiredAsync(userName, ct);
        if (PasswordPolicy.Problem(user.UserName, password) is { } problem)
        {
            throw new RefusedException(problem);
        }

        user.PasswordHash = Hasher.HashPassword(user, password);
        await ledger.SaveWithEntryAsync(AccountPayload.Record(AccountPayload.PasswordSet, user, actor), ct);
    }

    /// <exception cref="RefusedException">No such user, or a role that is not one of <see cref="Roles.ForPeople"/>.</exception>
    public async Task SetRolesAsync(string userName, IEnumerable<string> roles, string actor, CancellationToken ct)
    {
        var roleList = CheckedRoles(roles);
        var user = await RequiredAsync(userName, ct);
        user.Roles = string.Join(',', roleList);
        await ledger.SaveWithEntryAsync(AccountPayload.Record(AccountPayload.RolesChanged, user, actor), ct);
    }

    /// <summary>A disabled account cannot sign in, and its open sessions end at their next request.</summary>
    public async Task SetDisabledAsync(string userName, bool disabled, string actor, CancellationToken ct)
    {
        var user = await RequiredAsync(userName, ct);
        user.Disabled = disabled;
        await ledger.SaveWithEntryAsync(AccountPayload.Record(disabled ? AccountPayload.Disabled : AccountPayload.Enabled, user, actor), ct);
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
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        string change;
        if (user is null)
        {
            user = new UserAccount { UserName = userName, PasswordHash = "", Roles = string.Join(',', roles), External = true, CreatedAt = clock.GetUtcNow() };
            db.Users.Add(user);
            change = AccountPayload.Created;
        }
        else if (!user.External)
        {
            throw new InvalidOperationException($"'{userName}' is a local account; the identity provider cannot sign in as it.");
        }
        else if (user.Roles != string.Join(',', roles))
        {
            user.Roles = string.Join(',', roles);
            change = AccountPayload.RolesChanged;
        }
        else
        {
            return user; // Signed in again with the same roles: nothing to record.
        }

        await ledger.SaveWithEntryAsync(AccountPayload.Record(change, user, "identity-provider"), ct);
        return user;
    }

    private async Task<UserAccount> RequiredAsync(string userName, CancellationToken ct) =>
        await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct)
        ?? throw new RefusedException(AccountRefusals.UnknownUser(userName));

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
