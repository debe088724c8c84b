using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages;

/// <summary>
/// The review inbox: waiting items by deadline, urgency and age, with filters and their counts.
/// The Rows handler re-renders only the list, which the page's script polls so new proposals
/// appear without a reload; Next and Previous walk the filtered list from an item.
/// </summary>
[Authorize(Policy = Policies.Review)]
public sealed class InboxModel(ReviewInbox inbox, Taxonomy taxonomy, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InboxFilter Filter { get; set; } = new();

    public InboxFacets Facets { get; private set; } = null!;
    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Taxonomy Taxonomy => taxonomy;
    public DateTimeOffset Now { get; } = clock.GetUtcNow();
    public string Me => User.Identity!.Name!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (facets, combinations) = await inbox.FacetsAsync(ct);
        Facets = facets;
        Total = await inbox.CountAsync(Filter.Query(), facets, combinations, ct);
        Rows = await inbox.ListAsync(Filter.Query(), ct);
    }

    public async Task<IActionResult> OnGetRowsAsync(CancellationToken ct)
    {
        Total = await inbox.CountAsync(Filter.Query(), null, null, ct);
        Rows = await inbox.ListAsync(Filter.Query(), ct);
        return Partial("_InboxRows", this);
    }

    public Task<IActionResult> OnGetNextAsync(CancellationToken ct) => NeighbourAsync(forward: true, ct);

    public Task<IActionResult> OnGetPreviousAsync(CancellationToken ct) => NeighbourAsync(forward: false, ct);

    private async Task<IActionResult> NeighbourAsync(bool forward, CancellationToken ct)
    {
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
