namespace KpuTriage.Core.Review;

/// <summary>Who takes a decision, and whether they may co-approve (supervisors only): the four-eyes rule is enforced here, not in a page.</summary>
public sealed record Decider(string Name, bool IsSupervisor);
