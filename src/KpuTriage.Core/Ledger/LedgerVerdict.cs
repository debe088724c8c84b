namespace KpuTriage.Core.Ledger;

/// <summary>A verification's outcome: how much was checked, and the first break if any.</summary>
public sealed record LedgerVerdict(long EntriesChecked, int CheckpointsChecked, string? HeadHash, LedgerBreak? Break)
{
    public bool Ok => Break is null;
}
