namespace KpuTriage.Core.Ledger;

/// <summary>Where the verifier reads a chain from: the office's database, or an export folder checked offline.</summary>
public interface ILedgerSource
{
    /// <summary>Every entry, in sequence order, a page at a time.</summary>
    IAsyncEnumerable<IReadOnlyList<LedgerEntry>> PagesAsync(CancellationToken ct);

    /// <summary>The sequence of the entry with this hash, if any: tells a reordering from a changed link.</summary>
    Task<long?> SequenceOfHashAsync(string hash, CancellationToken ct);

    /// <summary>For each entry of the page whose record no longer matches it, what differs (the database checks its register; an export has none).</summary>
    Task<IReadOnlyDictionary<long, string>> RecordProblemsAsync(IReadOnlyList<LedgerEntry> page, CancellationToken ct);

    /// <summary>Problems found after the walk: a head pointing past the last entry, a record with no entry.</summary>
    Task<LedgerBreak?> AfterWalkAsync(LedgerEntry? last, CancellationToken ct);
}
