namespace KpuTriage.Core.Ledger;

/// <summary>
/// Walks a chain from its first entry and stops at the first that breaks, saying what changed:
/// an entry missing (the sequence jumps), entries out of order (an entry chains to a later
/// one), an entry's content no longer matching its hash, the record it describes changed in
/// the database, or a checkpoint that does not verify under its key or no longer matches the
/// chain. Checks at one entry run in that order, so the report names the most direct cause.
/// </summary>
public static class ChainVerifier
{
    public static async Task<LedgerVerdict> VerifyAsync(ILedgerSource source, IReadOnlyList<TrustedCheckpoint> checkpoints, CancellationToken ct)
    {
        var pending = new Queue<TrustedCheckpoint>(checkpoints.OrderBy(c => c.Message.Sequence));
        var checkedCheckpoints = 0;
        LedgerEntry? previous = null;
        long count = 0;
        await foreach (var page in source.PagesAsync(ct))
        {
            var recordProblems = await source.RecordProblemsAsync(page, ct);
            foreach (var entry in page)
            {
                var problem = await LinkProblemAsync(source, previous, entry, ct)
                    ?? (recordProblems.TryGetValue(entry.Sequence, out var record) ? new LedgerBreak(entry.Sequence, record) : null);
                while (problem is null && pending.TryPeek(out var checkpoint) && checkpoint.Message.Sequence <= entry.Sequence)
                {
                    pending.Dequeue();
                    checkedCheckpoints++;
                    problem = CheckpointProblem(checkpoint, checkpoint.Message.Sequence == entry.Sequence ? entry : null);
                }

                if (problem is not null)
                {
                    return new LedgerVerdict(count, checkedCheckpoints, previous?.Hash, problem);
                }

                previous = entry;
                count++;
            }
        }

        if (pending.TryDequeue(out var beyond))
        {
            return new LedgerVerdict(count, checkedCheckpoints + 1, previous?.Hash, new LedgerBreak(
                beyond.Message.Sequence,
                $"entry {beyond.Message.Sequence} is missing: the chain ends at entry {previous?.Sequence ?? 0}, but a checkpoint signed {beyond.Message.SignedAt} ({beyond.Holder}) names it."));
        }

        var after = await source.AfterWalkAsync(previous, ct);
        return new LedgerVerdict(count, checkedCheckpoints, previous?.Hash, after);
    }

    private static async Task<LedgerBreak?> LinkProblemAsync(ILedgerSource source, LedgerEntry? previous, LedgerEntry entry, CancellationToken ct)
    {
        var expected = (previous?.Sequence ?? 0) + 1;
        if (entry.Sequence != expected)
        {
            var missing = expected == entry.Sequence - 1 ? $"entry {expected} is missing" : $"entries {expected} to {entry.Sequence - 1} are missing";
            return new LedgerBreak(expected, $"{missing}: the chain goes from entry {expected - 1} to entry {entry.Sequence}.");
        }

        var previousHash = previous?.Hash ?? LedgerEntry.Genesis;
        if (entry.PreviousHash != previousHash)
        {
            if (await source.SequenceOfHashAsync(entry.PreviousHash, ct) is { } chainedAfter && chainedAfter != entry.Sequence)
            {
                return new LedgerBreak(entry.Sequence,
                    $"entry {entry.Sequence} is out of order: it was chained after the entry now at {chainedAfter} (order swapped).");
            }

            return new LedgerBreak(entry.Sequence,
                $"entry {entry.Sequence} does not chain to entry {expected - 1}: it names previous hash {entry.PreviousHash}, entry {expected - 1} hashes to {previousHash}.");
        }

        var recomputed = entry.ComputeHash();
        return recomputed == entry.Hash
            ? null
            : new LedgerBreak(entry.Sequence,
                $"entry {entry.Sequence} ({entry.Kind} {entry.Subject}) was changed: its content hashes to {recomputed}, not to its recorded hash {entry.Hash}.");
    }

    private static LedgerBreak? CheckpointProblem(TrustedCheckpoint checkpoint, LedgerEntry? entry)
    {
        var message = checkpoint.Message;
        if (checkpoint.Refusal is { } refusal)
        {
            return new LedgerBreak(message.Sequence, refusal);
        }

        if (!message.VerifiesUnder(checkpoint.Key))
        {
            return new LedgerBreak(message.Sequence,
                $"entry {message.Sequence}: the checkpoint signed {message.SignedAt} with key {message.KeyId} ({checkpoint.Holder}) has an invalid signature under {checkpoint.KeyDescription}.");
        }

        if (entry is null)
        {
            return new LedgerBreak(message.Sequence, $"entry {message.Sequence} is missing, but a checkpoint signed {message.SignedAt} ({checkpoint.Holder}) names it.");
        }

        return entry.Hash == message.Hash
            ? null
            : new LedgerBreak(message.Sequence,
                $"entry {message.Sequence} differs from the checkpoint signed {message.SignedAt} ({checkpoint.Holder}): the checkpoint holds hash {message.Hash}, the chain now {entry.Hash}. The history up to entry {message.Sequence} was rewritten after that checkpoint.");
    }
}
