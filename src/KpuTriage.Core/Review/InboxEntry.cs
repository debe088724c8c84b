using KpuTriage.Core.Documents;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Review;

/// <summary>One open inbox line: the item, its document and the proposal (null for manual triage without one).</summary>
public sealed record InboxEntry(ReviewItem Item, Document Document, Proposal? Proposal);
