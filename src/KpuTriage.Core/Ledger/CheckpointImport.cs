using System.Text.Json;
using System.Text.RegularExpressions;
using KpuTriage.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// Stores checkpoints received from another office (or this office's own, as another office
/// held them). Each must verify under the public key it carries, and an office's key is pinned
/// by the first checkpoint stored for it: a later one under another key is refused unless a
/// held checkpoint of the pinned key (or of a key it announced) announced that key, and a second
/// head for the same entry is refused — both are what a rewritten history would look like.
/// </summary>
public sealed partial class CheckpointImport(TriageDb db, TimeProvider clock)
{
    public sealed record Outcome(string? Office, long? Sequence, bool Stored, string? Refusal);

    public async Task<Outcome> ImportAsync(string json, string receivedFrom, CancellationToken ct)
    {
        CheckpointMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<CheckpointMessage>(json);
        }
        catch (JsonException e)
        {
            return new(null, null, false, $"not a checkpoint: {e.Message}");
        }

        if (message is null || message.Office is null || message.Hash is null || message.PublicKey is null || message.Signature is null || message.SignedAt is null || message.KeyId is null)
        {
            return new(message?.Office, message?.Sequence, false, "not a checkpoint: office, sequence, hash, signedAt, keyId, publicKey and signature are required.");
        }

        if (Refusal(message) is { } refusal)
        {
            return new(message.Office, message.Sequence, false, refusal);
        }

        var held = await db.LedgerCheckpoints.AsNoTracking().Where(c => c.Office == message.Office && c.Imported)
            .OrderBy(c => c.Sequence).ToListAsync(ct);
        if (held.FirstOrDefault() is { } first)
        {
            var chain = OfficeKeyChain.Resolve(
                Convert.FromBase64String(first.PublicKey),
                $"key {first.KeyId}, pinned here by office {message.Office}'s first checkpoint",
                [.. held.Select(c => new OfficeKeyChain.Held(c.ToMessage(), "held here")), new OfficeKeyChain.Held(message, "this checkpoint")]);
            if (chain.Single(c => ReferenceEquals(c.Message, message)).Refusal is { } unannounced)
            {
                return new(message.Office, message.Sequence, false, unannounced);
            }
        }

        if (held.FirstOrDefault(c => c.Sequence == message.Sequence) is { } same)
        {
            return same.Hash == message.Hash
                ? new(message.Office, message.Sequence, false, null)
                : new(message.Office, message.Sequence, false,
                    $"office {message.Office} already signed entry {message.Sequence} with hash {same.Hash}; this checkpoint says {message.Hash}: its history was rewritten.");
        }

        db.LedgerCheckpoints.Add(new LedgerCheckpoint
        {
            Office = message.Office,
            Sequence = message.Sequence,
            Hash = message.Hash,
            SignedAt = DateTimeOffset.Parse(message.SignedAt, System.Globalization.CultureInfo.InvariantCulture),
            KeyId = message.KeyId,
            PublicKey = message.PublicKey,
            Signature = message.Signature,
            NextKey = message.NextKey,
            Imported = true,
            ReceivedFrom = receivedFrom.Length > 500 ? receivedFrom[..500] : receivedFrom,
            ReceivedAt = clock.GetUtcNow(),
        });
        var stored = await db.SaveWinningAsync(ct);
        return new(message.Office, message.Sequence, stored, null);
    }

    private static string? Refusal(CheckpointMessage message)
    {
        if (!OfficePattern().IsMatch(message.Office) || message.Sequence < 1 || !HashPattern().IsMatch(message.Hash))
        {
            return "not a checkpoint: office must be an office id, sequence at least 1, hash 64 lower-case hex digits.";
        }

        if (!DateTimeOffset.TryParse(message.SignedAt, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return $"signedAt '{message.SignedAt}' is not a time.";
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(message.PublicKey);
        }
        catch (FormatException)
        {
            return "publicKey is not base64.";
        }

        if (OfficeKey.IdOf(key) != message.KeyId)
        {
            return $"keyId {message.KeyId} is not the id of the public key it carries ({OfficeKey.IdOf(key)}).";
        }

        if (message.NextKey is not null && message.NextKeyBytes() is null)
        {
            return "nextKey is not base64.";
        }

        return message.VerifiesUnder(key) ? null : $"the signature does not verify under key {message.KeyId}.";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,99}$")]
    private static partial Regex OfficePattern();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();
}
