using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Persistence;

/// <summary>
/// Two deliveries of one message may run at once (a redelivery after a lost connection).
/// The document's version token and the unique keys let only one of them save; the loser
/// learns it lost and stops, which is what makes every stage idempotent.
/// </summary>
public static class RaceSafeSave
{
    /// <returns>True when this call's changes were saved; false when a concurrent one won.</returns>
    public static async Task<bool> SaveWinningAsync(this TriageDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
