using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Review;

/// <summary>
/// Holds on open items: whoever opens an item holds it for Review:HoldFor so two clerks do not
/// work the same letter. Taken with one conditional update, so two clerks opening the same
/// item at the same moment cannot both get it.
/// </summary>
public sealed class ReviewHolds(TriageDb db, IOptions<ReviewOptions> options, TimeProvider clock)
{
    /// <returns>Who holds the item after the attempt and until when; the caller holds it when the holder is <paramref name="userName"/>.</returns>
    public async Task<(string? HeldBy, DateTimeOffset? HeldUntil)> TryHoldAsync(Guid documentId, string userName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.HoldFor;
        await db.ReviewItems
            .Where(i => i.DocumentId == documentId && (i.State == ReviewState.Open || i.State == ReviewState.AwaitingCoApproval))
            .Where(i => i.HeldBy == null || i.HeldBy == userName || i.HeldUntil < now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeldBy, userName).SetProperty(i => i.HeldUntil, until), ct);
        var hold = await db.ReviewItems.AsNoTracking().Where(i => i.DocumentId == documentId)
            .Select(i => new { i.HeldBy, i.HeldUntil }).FirstOrDefaultAsync(ct);
        return hold is null || hold.HeldUntil < now ? (null, null) : (hold.HeldBy, hold.HeldUntil);
    }

    /// <summary>Lets the item go (the clerk moved on without deciding).</summary>
    public Task ReleaseAsync(Guid documentId, string userName, CancellationToken ct) =>
        db.ReviewItems.Where(i => i.DocumentId == documentId && i.HeldBy == userName)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.HeldBy, (string?)null).SetProperty(i => i.HeldUntil, (DateTimeOffset?)null), ct);

    /// <summary>Whether someone other than <paramref name="userName"/> holds the item now.</summary>
    public static bool HeldByOther(ReviewItem item, string userName, DateTimeOffset now) =>
        item.HeldBy is not null && item.HeldBy != userName && item.HeldUntil > now;
}
