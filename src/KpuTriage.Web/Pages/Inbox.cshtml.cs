using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace KpuTriage.Web.Pages;

/// <summary>
/// The review inbox: waiting items by deadline, urgency and age, with filters and their counts.
/// The Rows handler re-renders only the list, which the page's script polls so new proposals
/// appear without a reload; Next and Previous walk the filtered list from an item.
/// </summary>
[Authorize(Policy = Policies.Review)]
public sealed class InboxModel(ReviewInbox inbox, ReviewHolds holds, Taxonomy taxonomy, IMemoryCache cache, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InboxFilter Filter { get; set; } = new();

    public InboxFacets Facets { get; private set; } = null!;
    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Taxonomy Taxonomy => taxonomy;
    public DateTimeOffset Now { get; } = clock.GetUtcNow();
    public string Me => User.Identity!.Name!;

    /// <summary>
    /// How long the counts are reused: those beside the filters and the number of letters a
    /// filter matches. Counting over a queue of 100,000 letters is a grouped scan of the whole
    /// queue (over a hundred milliseconds there); the counts are a glance at where the work is, so
    /// every clerk's page view and every live refresh need not pay for it. The list itself is
    /// always read fresh; a search (free text) is always counted fresh.
    /// </summary>
    public static readonly TimeSpan CountsFor = TimeSpan.FromSeconds(10);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (facets, combinations) = await CountsAsync(ct);
        Facets = facets;
        Total = await inbox.CountAsync(Filter.Query(), facets, combinations, ct);
        Rows = await inbox.ListAsync(Filter.Query(), ct);
    }

    public async Task<IActionResult> OnGetRowsAsync(CancellationToken ct)
    {
        var (facets, combinations) = await CountsAsync(ct);
        Total = await inbox.CountAsync(Filter.Query(), facets, combinations, ct);
        Rows = await inbox.ListAsync(Filter.Query(), ct);
        return Partial("_InboxRows", this);
    }

    private async Task<(InboxFacets, IReadOnlyList<FacetCount>)> CountsAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync("inbox-counts", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CountsFor;
            return await inbox.FacetsAsync(ct);
        });

    public Task<IActionResult> OnGetNextAsync(Guid? from, CancellationToken ct) => NeighbourAsync(forward: true, from, ct);

    public Task<IActionResult> OnGetPreviousAsync(Guid? from, CancellationToken ct) => NeighbourAsync(forward: false, from, ct);

    /// <summary>Moves along the filtered list, letting go of the letter the clerk leaves undecided.</summary>
    private async Task<IActionResult> NeighbourAsync(bool forward, Guid? from, CancellationToken ct)
    {
        if (from is { } left)
        {
            await holds.ReleaseAsync(left, Me, ct);
        }

        var found = await inbox.NeighbourAsync(Filter.Query(), Filter.At, forward, Me, clock.GetUtcNow(), ct);
        return found is { } next
            ? Redirect($"/item/{next.Row.Item.DocumentId}{Filter.QueryString(page: 0, at: next.Position)}")
            : Redirect($"/inbox{Filter.QueryString()}");
    }

    public static string StatusOf(ReviewItem item) =>
        item.State == ReviewState.AwaitingCoApproval ? InboxQuery.AwaitingCoApproval
        : item.ManualTriageReason is not null ? InboxQuery.ManualTriage
        : InboxQuery.InReview;

    public string Count(IReadOnlyDictionary<string, int> counts, string code) => counts.TryGetValue(code, out var n) ? $" ({n})" : " (0)";
}
