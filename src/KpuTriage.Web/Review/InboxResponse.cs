namespace KpuTriage.Web.Review;

public sealed record InboxResponse(int Total, IReadOnlyList<InboxLine> Items);
