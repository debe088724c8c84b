namespace KpuTriage.Core.Ledger;

/// <summary>
/// The chain's newest link, in one row (Id 1). Every append locks this row inside the
/// transaction that commits what it records, which is what serialises appends across
/// processes: two commits at the same instant queue here instead of forking the chain.
/// </summary>
public sealed class LedgerHead
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}
