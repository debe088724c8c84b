using KpuTriage.Core.Extraction;
using KpuTriage.Core.Review;
using KpuTriage.Web.Documents;

namespace KpuTriage.Web.Review;

/// <summary>An inbox item in full: the document, the proposal with evidence, and the extracted text per page.</summary>
public sealed record ReviewItemResponse(DocumentResponse Document, string State, string? ManualTriageReason, IReadOnlyList<ExtractedPage> Pages)
{
    public static ReviewItemResponse From(DocumentView view) => new(
        DocumentResponse.From(view),
        view.Item!.State.ToString().ToLowerInvariant(),
        view.Item.ManualTriageReason,
        view.Text?.Pages() ?? []);
}
