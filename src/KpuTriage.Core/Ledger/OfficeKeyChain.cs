namespace KpuTriage.Core.Ledger;

/// <summary>
/// Which key each of an office's checkpoints must verify under, starting from a key trusted
/// beforehand (the anchor: pinned by another office, given to an auditor, or the first key the
/// office key file names) and following rotations: a checkpoint signed by the key in force that
/// carries nextKey hands the office over to that key from its entry on. A checkpoint under a
/// key no trusted checkpoint announced, or under a key after it was retired, gets a refusal.
/// </summary>
public static class OfficeKeyChain
{
    public sealed record Held(CheckpointMessage Message, string Holder);

    private sealed record KeyInForce(byte[] Key, string Id, string Description, long? RetiredAt = null, string? Successor = null);

    public static IReadOnlyList<TrustedCheckpoint> Resolve(byte[] anchor, string anchorDescription, IEnumerable<Held> checkpoints)
    {
        var current = new KeyInForce(anchor, OfficeKey.IdOf(anchor), anchorDescription);
        var retired = new Dictionary<string, KeyInForce>();
        var trusted = new List<TrustedCheckpoint>();
        foreach (var held in checkpoints.OrderBy(c => c.Message.Sequence).ThenBy(c => c.Message.NextKey is null ? 0 : 1))
        {
            var message = held.Message;
            if (message.KeyId == current.Id)
            {
                trusted.Add(new TrustedCheckpoint(message, current.Key, current.Description, held.Holder));
                if (message.NextKeyBytes() is { } next && message.VerifiesUnder(current.Key) && OfficeKey.IdOf(next) != current.Id)
                {
                    retired[current.Id] = current with { RetiredAt = message.Sequence, Successor = OfficeKey.IdOf(next) };
                    current = new KeyInForce(next, OfficeKey.IdOf(next), $"key {OfficeKey.IdOf(next)}, announced at entry {message.Sequence} by key {current.Id}");
                }
            }
            else if (retired.TryGetValue(message.KeyId, out var old) && message.Sequence <= old.RetiredAt)
            {
                // A copy of a checkpoint made before the rotation (another office held it).
                trusted.Add(new TrustedCheckpoint(message, old.Key, old.Description, held.Holder));
            }
            else
            {
                trusted.Add(new TrustedCheckpoint(message, [], "no trusted key", held.Holder, Refusal(message, held.Holder, current, retired, anchorDescription)));
            }
        }

        return trusted;
    }

    private static string Refusal(CheckpointMessage message, string holder, KeyInForce current, Dictionary<string, KeyInForce> retired, string anchorDescription)
    {
        var what = $"entry {message.Sequence}: the checkpoint signed {message.SignedAt} ({holder}) is signed with key {message.KeyId}";
        if (retired.TryGetValue(message.KeyId, out var old))
        {
            return $"{what}, which was retired at entry {old.RetiredAt} in favour of key {old.Successor}: a retired key signs nothing after its rotation.";
        }

        var chain = retired.Count == 0
            ? $"the trusted key is {anchorDescription}, and it announced no other"
            : $"from {anchorDescription} the announced keys lead to key {current.Id}";
        return $"{what}, which no trusted key announced ({chain}). A key the office rotated to is announced by a checkpoint signed with the key before it (kputriage ledger rotate-key); this one is forged, or the office key file was swapped without a rotation.";
    }
}
