namespace KpuTriage.Core.Dashboard;

/// <summary>
/// Letters waiting for a person (in review, manual triage, awaiting co-approval — the inbox's
/// statuses) and how long since they were received; ages are null with nothing waiting.
/// </summary>
public sealed record BacklogFigures(int Size, IReadOnlyDictionary<string, int> ByStatus, double? OldestHours, double? MedianHours);
