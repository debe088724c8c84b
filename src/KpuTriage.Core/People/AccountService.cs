using System.Security.Cryptography;
using KpuTriage.Core.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.People;

/// <summary>
/// Local accounts and integration keys. Passwords are hashed with ASP.NET Core Identity's
/// PBKDF2 hasher; API keys are random and stored only as SHA-256 (they are long enough that a
/// slow hash adds nothing, and lookups must be cheap on every request).
/// </summary>
public sealed class AccountService(TriageDb db, TimeProvider clock)
{
    private static readonly PasswordHasher<UserAccount> Hasher = new();

    public async Task<UserAccount> CreateUserAsync(string userName, string password, IEnumerable<string> roles, CancellationToken ct)
    {
        var roleList = roles.Select(r => r.Trim().ToLowerInvariant()).Distinct().ToList();
        if (roleList.Count == 0 || roleList.Any(r => !Roles.ForPeople.Contains(r)))
        {
            throw new ArgumentException($"roles must be one or more of {string.Join(", ", Roles.ForPeople)}.", nameof(roles));
        }

        if (password.Length < 10)
        {
            throw new ArgumentException("a password needs at least 10 characters.", nameof(password));
        }

        var user = new UserAccount { UserName = userName.Trim(), PasswordHash = "", Roles = string.Join(',', roleList), CreatedAt = clock.GetUtcNow() };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <returns>The account when the password matches an enabled user; otherwise null.</returns>
    public async Task<UserAccount?> SignInAsync(string userName, string password, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        if (user is null || user.Disabled)
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

    /// <returns>The key in clear; only its hash is stored, so this is the one time it can be shown.</returns>
    public async Task<string> CreateApiKeyAsync(string name, string? key, CancellationToken ct)
    {
        key ??= NewSecret();
        if (key.Length < 16)
        {
            throw new ArgumentException("an API key needs at least 16 characters.", nameof(key));
        }

        db.ApiKeys.Add(new ApiKey { Name = name, KeyHash = HashKey(key), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return key;
    }

    public Task<ApiKey?> FindApiKeyAsync(string key, CancellationToken ct)
    {
        var hash = HashKey(key);
        return db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && !k.Revoked, ct);
    }

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private static string HashKey(string key) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
