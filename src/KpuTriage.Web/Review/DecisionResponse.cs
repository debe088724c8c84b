namespace KpuTriage.Web.Review;

public sealed record DecisionResponse(string Status, string? AgendaNumber);
