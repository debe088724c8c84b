namespace KpuTriage.Core.Ledger;

/// <summary>Where the ledger first breaks: the entry (null when the break is not one entry's) and what changed.</summary>
public sealed record LedgerBreak(long? Sequence, string Problem);
