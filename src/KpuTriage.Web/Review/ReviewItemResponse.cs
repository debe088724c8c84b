using KpuTriage.Core.Extraction;
using KpuTriage.Core.Review;
using KpuTriage.Web.Documents;

namespace KpuTriage.Web.Review;

/// <summary>An inbox item in full: the document, the proposal with evidence, and the extracted text per page.</summary>
public sealed record ReviewItemResponse(DocumentResponse Document, string State, string? ManualTriageReason, IReadOnlyList<ExtractedPage> Pages)
{
    public static ReviewItemResponse From(DocumentView view) => new(
        DocumentResponse.From(view),
        WireName(view.Item!.State),
        view.Item.ManualTriageReason,
        view.Text?.Pages() ?? []);

    /// <summary>The item's state as the API spells it: open, awaiting_co_approval, committed, rejected, sent_back.</summary>
    public static string WireName(ReviewState state) => state switch
    {
        ReviewState.AwaitingCoApproval => "awaiting_co_approval",
        ReviewState.SentBack => "sent_back",
        _ => state.ToString().ToLowerInvariant(),
    };
}
