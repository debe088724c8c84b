using KpuTriage.Core.Documents;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Register;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Review;

/// <summary>Everything known about one document: what the status API and the review page show.</summary>
public sealed record DocumentView(Document Document, ReviewItem? Item, Proposal? Proposal, RegisterEntry? Entry, DocumentText? Text);
