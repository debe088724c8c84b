namespace KpuTriage.Core.Ledger;

/// <summary>One run of the verifier over the office's ledger: when, by whom, and the first break it found (or none).</summary>
public sealed class LedgerVerification
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset RanAt { get; init; }

    /// <summary>Who ran it: a desk admin's name, or "command:&lt;os user&gt;".</summary>
    public required string RanBy { get; init; }

    public bool Ok { get; init; }
    public long EntriesChecked { get; init; }
    public int CheckpointsChecked { get; init; }

    /// <summary>The first entry that breaks; null when the chain holds (or the break is not one entry's, e.g. a register record with no entry).</summary>
    public long? FirstBrokenSequence { get; init; }

    /// <summary>What is wrong, in words an auditor can act on; null when all is well.</summary>
    public string? Problem { get; init; }

    public long DurationMilliseconds { get; init; }
}
