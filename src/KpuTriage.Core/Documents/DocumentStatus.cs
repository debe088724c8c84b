namespace KpuTriage.Core.Documents;

/// <summary>
/// Where a document is on its way to the register. The API spells these in snake_case
/// (received, awaiting_ocr, extracted, proposed, in_review, committed, rejected, manual_triage).
/// Stored by name, so a new status goes anywhere in the list.
/// </summary>
public enum DocumentStatus
{
    Received,

    /// <summary>Has pages only OCR can read (an image, a scanned PDF): waits for the OCR stage, which has a queue of its own.</summary>
    AwaitingOcr,
    Extracted,
    Proposed,
    InReview,
    Committed,
    Rejected,
    ManualTriage,
}
