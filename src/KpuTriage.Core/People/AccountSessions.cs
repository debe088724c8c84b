using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.People;

/// <summary>
/// The server's side of desk cookies and bearer tokens (<see cref="AccountSession"/>). Checking
/// one costs a single read — the session joined with its account — on every request.
/// </summary>
public sealed class AccountSessions(TriageDb db, TimeProvider clock)
{
    public async Task<AccountSession> StartAsync(Guid userId, string kind, DateTimeOffset expiresAt, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Expired sessions go as new ones come, so the table holds about the live ones only.
        await db.AccountSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var session = new AccountSession { UserId = userId, Kind = kind, CreatedAt = now, ExpiresAt = expiresAt };
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <returns>
    /// The account and its session when the session exists, is of <paramref name="kind"/>, has
    /// not expired, and its account is enabled and still has <paramref name="stamp"/>; otherwise null.
    /// </returns>
    public async Task<(UserAccount User, AccountSession Session)?> CheckAsync(Guid userId, Guid sessionId, string? stamp, string kind, CancellationToken ct)
    {
        var found = await db.AccountSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.Kind == kind)
            .Join(db.Users.AsNoTracking(), s => s.UserId, u => u.Id, (s, u) => new { Session = s, User = u })
            .FirstOrDefaultAsync(ct);
        if (found is null || found.User.Disabled || found.User.SecurityStamp != stamp || found.Session.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        return (found.User, found.Session);
    }

    public Task ExtendAsync(Guid sessionId, DateTimeOffset expiresAt, CancellationToken ct) =>
        db.AccountSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, expiresAt), ct);

    /// <summary>Signing out: the session's cookie or token, and every copy of it, stops working.</summary>
    public Task EndAsync(Guid sessionId, CancellationToken ct) =>
        db.AccountSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(ct);
}
