namespace KpuTriage.Core.Review;

/// <summary>One line of the inbox page: the item with its inbox facts, and the document's file name and receipt time.</summary>
public sealed record InboxRow(ReviewItem Item, string FileName, DateTimeOffset ReceivedAt);
