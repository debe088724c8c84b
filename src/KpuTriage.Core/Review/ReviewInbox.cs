using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Review;

/// <summary>
/// The clerks' view of waiting items: by deadline, then urgency, then age, so what is due
/// comes first and nothing waits forgotten at the bottom. Reads only the review items' own
/// columns (see <see cref="InboxFacts"/>) through one partial index.
/// </summary>
public sealed class ReviewInbox(TriageDb db)
{
    // How far a neighbour search looks past items others hold.
    private const int NeighbourWindow = 25;

    /// <summary>Open items oldest first, as the JSON API has always listed them.</summary>
    public async Task<IReadOnlyList<InboxEntry>> OpenAsync(int skip, int take, CancellationToken ct)
    {
        var rows = await (
            from item in db.ReviewItems.AsNoTracking()
            where item.State == ReviewState.Open
            join document in db.Documents.AsNoTracking() on item.DocumentId equals document.Id
            join proposal in db.Proposals.AsNoTracking() on item.ProposalId equals proposal.Id into proposals
            from proposal in proposals.DefaultIfEmpty()
            orderby item.CreatedAt, item.DocumentId
            select new { item, document, proposal })
            .Skip(skip).Take(take).ToListAsync(ct);
        return rows.Select(r => new InboxEntry(r.item, r.document, r.proposal)).ToList();
    }

    public Task<int> CountOpenAsync(CancellationToken ct) => db.ReviewItems.CountAsync(i => i.State == ReviewState.Open, ct);

    /// <summary>One page of the inbox under <paramref name="query"/>, in inbox order.</summary>
    public async Task<IReadOnlyList<InboxRow>> ListAsync(InboxQuery query, CancellationToken ct)
    {
        var rows = await (
            from item in Filtered(query)
            join document in db.Documents.AsNoTracking() on item.DocumentId equals document.Id
            orderby item.DueOn, item.UrgencyRank descending, item.CreatedAt, item.DocumentId
            select new { item, document.FileName, document.ReceivedAt })
            .Skip(Math.Max(query.Skip, 0)).Take(Math.Clamp(query.Take, 1, 200)).ToListAsync(ct);
        return rows.Select(r => new InboxRow(r.item, r.FileName, r.ReceivedAt)).ToList();
    }

    /// <summary>How many items match <paramref name="query"/>; from the facets when there is no search text (one grouped scan serves both).</summary>
    public async Task<int> CountAsync(InboxQuery query, InboxFacets? facets, IReadOnlyList<FacetCount>? combinations, CancellationToken ct) =>
        combinations is not null && string.IsNullOrWhiteSpace(query.Search)
            ? combinations.Where(c => c.Matches(query)).Sum(c => c.Count)
            : await Filtered(query).CountAsync(ct);

    /// <summary>Counts per filter value over the whole inbox, from one grouped scan of the waiting items.</summary>
    public async Task<(InboxFacets Facets, IReadOnlyList<FacetCount> Combinations)> FacetsAsync(CancellationToken ct)
    {
        var combinations = await Waiting()
            .GroupBy(i => new { i.State, Manual = i.ManualTriageReason != null, i.Unit, i.LetterType, i.Urgency, i.Security, i.Source, Flagged = i.Flag != null })
            .Select(g => new FacetCount(
                g.Key.State == ReviewState.AwaitingCoApproval ? InboxQuery.AwaitingCoApproval : g.Key.Manual ? InboxQuery.ManualTriage : InboxQuery.InReview,
                g.Key.Unit, g.Key.LetterType, g.Key.Urgency, g.Key.Security, g.Key.Source, g.Key.Flagged, g.Count()))
            .ToListAsync(ct);
        static Dictionary<string, int> By(IEnumerable<FacetCount> all, Func<FacetCount, string?> key) =>
            all.Where(c => key(c) is not null).GroupBy(c => key(c)!).ToDictionary(g => g.Key, g => g.Sum(c => c.Count), StringComparer.Ordinal);
        var facets = new InboxFacets(
            combinations.Sum(c => c.Count),
            By(combinations, c => c.Status),
            By(combinations, c => c.Unit),
            By(combinations, c => c.LetterType),
            By(combinations, c => c.Urgency),
            By(combinations, c => c.Security),
            By(combinations, c => c.Source),
            combinations.Where(c => c.Flagged).Sum(c => c.Count));
        return (facets, combinations);
    }

    /// <summary>
    /// The first item at or after <paramref name="position"/> (forward) or before it (backward)
    /// that no one else holds, with its position: the desk's next and previous.
    /// </summary>
    public async Task<(InboxRow Row, int Position)?> NeighbourAsync(InboxQuery query, int position, bool forward, string userName, DateTimeOffset now, CancellationToken ct)
    {
        var start = forward ? Math.Max(position, 0) : Math.Max(position - NeighbourWindow, 0);
        var take = forward ? NeighbourWindow : Math.Max(position, 0) - start;
        if (take <= 0)
        {
            return null;
        }

        var rows = await ListAsync(query with { Skip = start, Take = take }, ct);
        var candidates = rows.Select((row, index) => (Row: row, Position: start + index))
            .Where(c => !ReviewHolds.HeldByOther(c.Row.Item, userName, now));
        var found = forward ? candidates.FirstOrDefault() : candidates.LastOrDefault();
        return found.Row is null ? null : found;
    }

    public async Task<DocumentView?> FindAsync(Guid documentId, CancellationToken ct)
    {
        var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return null;
        }

        var item = await db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(i => i.DocumentId == documentId, ct);
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.DocumentId == documentId)
            .OrderByDescending(p => p.Revision).FirstOrDefaultAsync(ct);
        var entry = await db.Register.AsNoTracking().FirstOrDefaultAsync(e => e.DocumentId == documentId, ct);
        var text = await db.DocumentTexts.AsNoTracking().FirstOrDefaultAsync(t => t.DocumentId == documentId, ct);
        var attachments = await db.Documents.AsNoTracking().Where(d => d.ParentDocumentId == documentId).OrderBy(d => d.AttachmentIndex)
            .Select(d => new AttachedDocument(d.Id, d.AttachmentIndex ?? 0, d.FileName, d.Kind, d.Status)).ToListAsync(ct);
        return new DocumentView(document, item, proposal, entry, text, attachments);
    }

    // Written as two equalities (not a list), so the SQL matches the partial index's predicate.
    private IQueryable<ReviewItem> Waiting() =>
        db.ReviewItems.AsNoTracking().Where(i => i.State == ReviewState.Open || i.State == ReviewState.AwaitingCoApproval);

    private IQueryable<ReviewItem> Filtered(InboxQuery query)
    {
        var items = Waiting();
        items = query.Status switch
        {
            InboxQuery.InReview => items.Where(i => i.State == ReviewState.Open && i.ManualTriageReason == null),
            InboxQuery.ManualTriage => items.Where(i => i.State == ReviewState.Open && i.ManualTriageReason != null),
            InboxQuery.AwaitingCoApproval => items.Where(i => i.State == ReviewState.AwaitingCoApproval),
            _ => items,
        };
        if (query.Unit is { Length: > 0 } unit)
        {
            items = items.Where(i => i.Unit == unit);
        }

        if (query.LetterType is { Length: > 0 } letterType)
        {
            items = items.Where(i => i.LetterType == letterType);
        }

        if (query.Urgency is { Length: > 0 } urgency)
        {
            items = items.Where(i => i.Urgency == urgency);
        }

        if (query.Security is { Length: > 0 } security)
        {
            items = items.Where(i => i.Security == security);
        }

        if (query.Source is { Length: > 0 } source)
        {
            items = items.Where(i => i.Source == source);
        }

        if (query.Flagged)
        {
            items = items.Where(i => i.Flag != null);
        }

        if (query.Search?.Trim().ToLowerInvariant() is { Length: > 0 } search)
        {
            items = items.Where(i => i.SearchText.Contains(search));
        }

        return items;
    }
}
