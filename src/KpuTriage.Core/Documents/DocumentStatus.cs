namespace KpuTriage.Core.Documents;

/// <summary>
/// Where a document is on its way to the register. The API spells these in snake_case
/// (received, extracted, proposed, in_review, committed, rejected, manual_triage).
/// </summary>
public enum DocumentStatus
{
    Received,
    Extracted,
    Proposed,
    InReview,
    Committed,
    Rejected,
    ManualTriage,
}
