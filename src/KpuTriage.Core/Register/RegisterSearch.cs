using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Register;

/// <summary>Reads the buku agenda: newest first, filtered; and one record with its history.</summary>
public sealed class RegisterSearch(TriageDb db)
{
    public async Task<(int Total, IReadOnlyList<RegisterEntry> Entries)> ListAsync(RegisterQuery query, CancellationToken ct)
    {
        var entries = Filtered(query);
        var total = await entries.CountAsync(ct);
        var page = await entries.OrderByDescending(e => e.Year).ThenByDescending(e => e.AgendaNumber)
            .Skip(Math.Max(query.Skip, 0)).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(ct);
        return (total, page);
    }

    /// <summary>Every entry matching <paramref name="query"/>, in agenda order, streamed (exports).</summary>
    public IAsyncEnumerable<RegisterEntry> AllAsync(RegisterQuery query) =>
        Filtered(query).OrderBy(e => e.Year).ThenBy(e => e.AgendaNumber).AsAsyncEnumerable();

    public async Task<RegisterRecord?> RecordAsync(Guid entryId, CancellationToken ct)
    {
        var entry = await db.Register.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return null;
        }

        var document = await db.Documents.AsNoTracking().FirstAsync(d => d.Id == entry.DocumentId, ct);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.DocumentId == entry.DocumentId).OrderBy(p => p.Revision).ToListAsync(ct);
        return new RegisterRecord(entry, document, proposals);
    }

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct) =>
        await db.Register.AsNoTracking().Select(e => e.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);

    private IQueryable<RegisterEntry> Filtered(RegisterQuery query)
    {
        var entries = db.Register.AsNoTracking();
        if (query.Year is { } year)
        {
            entries = entries.Where(e => e.Year == year);
        }

        if (query.Register is { Length: > 0 } register)
        {
            entries = entries.Where(e => e.Register == register);
        }

        if (query.Unit is { Length: > 0 } unit)
        {
            entries = entries.Where(e => e.Unit == unit);
        }

        if (query.LetterType is { Length: > 0 } letterType)
        {
            entries = entries.Where(e => e.LetterType == letterType);
        }

        if (query.Urgency is { Length: > 0 } urgency)
        {
            entries = entries.Where(e => e.Urgency == urgency);
        }

        if (query.Security is { Length: > 0 } security)
        {
            entries = entries.Where(e => e.Security == security);
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            // ToLower on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not.
            var lowered = search.ToLowerInvariant();
            var agenda = search.Split('/')[0];
            var number = int.TryParse(agenda, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToLower() to SQL lower(); no .NET culture is involved.
            entries = entries.Where(e => e.AgendaNumber == number
                || e.Perihal.ToLower().Contains(lowered)
                || e.Sender.ToLower().Contains(lowered)
                || (e.LetterNumber != null && e.LetterNumber.ToLower().Contains(lowered)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return entries;
    }
}
