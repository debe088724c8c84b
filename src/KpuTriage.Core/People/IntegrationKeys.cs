using System.Security.Cryptography;
using System.Text;
using KpuTriage.Core.Intake;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Refusals;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.People;

/// <summary>
/// Integration keys and the sources each may act as. A key is random and stored only as
/// SHA-256 (long enough that a slow hash adds nothing, and it is looked up on every request).
/// What a key submits is recorded under one of its sources, and it reads only documents of
/// its sources: that is what keeps one integration from seeing or colliding with another's.
/// </summary>
public sealed class IntegrationKeys(TriageDb db, TimeProvider clock)
{
    /// <summary>Longest key name or source; the desk shows them in one column.</summary>
    public const int MaxNameLength = 100;

    /// <summary>Sources a key may have besides its name: a handful per system, never a wildcard.</summary>
    public const int MaxFurtherSources = 20;

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct);

    /// <param name="furtherSources">Sources besides the name the key may submit under and read; duplicates and the name itself are dropped.</param>
    /// <param name="key">The key to store, at least 16 characters (first-run setup takes one from the environment); null makes a random one.</param>
    /// <returns>The key with its secret in clear; only its hash is stored, so this is the one time it can be shown.</returns>
    /// <exception cref="RefusedException">The name or a source is not a plain name, too many sources, or the key is too short.</exception>
    public async Task<IssuedKey> CreateAsync(string name, IEnumerable<string> furtherSources, string? key, CancellationToken ct)
    {
        name = name.Trim();
        if (!IsPlainName(name))
        {
            throw new RefusedException(IntegrationKeyRefusals.NameInvalid(MaxNameLength));
        }

        var sources = furtherSources.Select(s => s?.Trim() ?? "").Where(s => s.Length > 0 && s != name).Distinct(StringComparer.Ordinal).ToList();
        if (sources.FirstOrDefault(s => !IsPlainName(s)) is { } invalid)
        {
            throw new RefusedException(IntegrationKeyRefusals.SourceInvalid(invalid, MaxNameLength));
        }

        if (sources.Count > MaxFurtherSources)
        {
            throw new RefusedException(IntegrationKeyRefusals.TooManySources(MaxFurtherSources));
        }

        // The watched folder's letters (scans of paper post) belong to no integration.
        if (sources.Append(name).FirstOrDefault(s => s == FolderIntake.Source) is { } reserved)
        {
            throw new RefusedException(IntegrationKeyRefusals.SourceReserved(reserved));
        }

        // People submit under their own names: a key acting as a person's name would read that
        // person's uploads, so the two never share a name (AccountService refuses the other way).
        if (await PersonNamedAsync(sources.Append(name), ct) is { } person)
        {
            throw new RefusedException(IntegrationKeyRefusals.SourceIsPerson(person));
        }

        key ??= AccountService.NewSecret();
        if (key.Length < 16)
        {
            throw new RefusedException(AccountRefusals.ApiKeyTooShort());
        }

        var made = new ApiKey { Name = name, KeyHash = Hash(key), FurtherSources = sources, CreatedAt = clock.GetUtcNow() };
        db.ApiKeys.Add(made);
        await db.SaveChangesAsync(ct);
        return new IssuedKey(made.Name, made.Sources, key);
    }

    /// <returns>The key when it exists and is not revoked; otherwise null.</returns>
    public Task<ApiKey?> FindAsync(string key, CancellationToken ct)
    {
        var hash = Hash(key);
        return db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash && !k.Revoked, ct);
    }

    /// <returns>False when there is no key of that name.</returns>
    public async Task<bool> RevokeAsync(string name, CancellationToken ct) =>
        await db.ApiKeys.Where(k => k.Name == name).ExecuteUpdateAsync(s => s.SetProperty(k => k.Revoked, true), ct) > 0;

    /// <returns>The first of <paramref name="names"/> a person's account has (compared as user names are), or null.</returns>
    private async Task<string?> PersonNamedAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var byNormalized = names.GroupBy(n => UserNames.Normalize(n) ?? n).ToDictionary(g => g.Key, g => g.First());
        var taken = await db.Users.AsNoTracking().Where(u => byNormalized.Keys.Contains(u.NormalizedUserName)).Select(u => u.NormalizedUserName).FirstOrDefaultAsync(ct);
        return taken is null ? null : byNormalized[taken];
    }

    /// <returns>True when <paramref name="userName"/> (compared as user names are) is a key's name or source, or a channel's own source.</returns>
    public static async Task<bool> IsSourceAsync(TriageDb db, string userName, CancellationToken ct)
    {
        var normalized = UserNames.Normalize(userName);
        if (normalized == FolderIntake.Source || normalized == SubmitDocument.DefaultSource)
        {
            return true;
        }

        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(ct);
        return keys.SelectMany(k => k.Sources).Any(s => UserNames.Normalize(s) == normalized);
    }

    // Letters, digits, inner spaces and . _ - @ : / — what system names look like, and nothing a
    // list, a log line or the desk could read as something else (no commas, controls, bidi marks).
    private static bool IsPlainName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && name == name.Trim()
        && !name.Contains("  ", StringComparison.Ordinal)
        && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or '_' or '-' or '@' or ':' or '/');

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
