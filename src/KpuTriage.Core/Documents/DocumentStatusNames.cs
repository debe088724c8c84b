namespace KpuTriage.Core.Documents;

/// <summary>The wire names of <see cref="DocumentStatus"/> used by the API and the CLI.</summary>
public static class DocumentStatusNames
{
    public static string ToWire(this DocumentStatus status) => status switch
    {
        DocumentStatus.Received => "received",
        DocumentStatus.AwaitingOcr => "awaiting_ocr",
        DocumentStatus.Extracted => "extracted",
        DocumentStatus.Proposed => "proposed",
        DocumentStatus.InReview => "in_review",
        DocumentStatus.Committed => "committed",
        DocumentStatus.Rejected => "rejected",
        DocumentStatus.ManualTriage => "manual_triage",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
