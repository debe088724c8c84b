using KpuTriage.Core.Extraction;
using KpuTriage.Core.Review;
using KpuTriage.Web.Documents;

namespace KpuTriage.Web.Review;

/// <summary>
/// An inbox item in full: the document, the proposal with evidence, the extracted text per
/// page, and who decided it: the first approver of a four-eyes letter (kept when it is then
/// rejected) and who took the last decision, with the rejection's reason. <see cref="Version"/>
/// goes back with a decision so that it is refused if the item changed in between.
/// </summary>
public sealed record ReviewItemResponse(
    DocumentResponse Document, string State, string? ManualTriageReason, IReadOnlyList<ExtractedPage> Pages, int Version,
    string? FirstApprovedBy, DateTimeOffset? FirstApprovedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? RejectionReason)
{
    public static ReviewItemResponse From(DocumentView view)
    {
        var item = view.Item!;
        return new(
            DocumentResponse.From(view),
            WireName(item.State),
            item.ManualTriageReason,
            view.Text?.Pages() ?? [],
            view.Document.Version,
            item.FirstApprovedBy,
            item.FirstApprovedAt,
            item.DecidedBy,
            item.DecidedAt,
            item.RejectionReason);
    }

    /// <summary>The item's state as the API spells it: open, awaiting_co_approval, committed, rejected, sent_back.</summary>
    public static string WireName(ReviewState state) => state switch
    {
        ReviewState.AwaitingCoApproval => "awaiting_co_approval",
        ReviewState.SentBack => "sent_back",
        _ => state.ToString().ToLowerInvariant(),
    };
}
