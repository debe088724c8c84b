using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// One link of the decision ledger. Its hash is the SHA-256 of the canonical JSON of every
/// other column (sequence, kind, subject, time, the previous entry's hash and the payload), so
/// changing, removing or reordering an entry breaks the chain from that entry on.
/// </summary>
public sealed class LedgerEntry
{
    /// <summary>The hash the first entry chains to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>What was recorded: <see cref="LedgerKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>What it is about, for people reading a report: an agenda number, a user name, a prompt version.</summary>
    public required string Subject { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>Canonical JSON (RFC 8785) of what was decided.</summary>
    public required string PayloadJson { get; init; }

    /// <summary>Lower-case hex SHA-256 of the previous entry (<see cref="Genesis"/> for the first).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Lower-case hex SHA-256 of this entry's canonical form (<see cref="ComputeHash"/>).</summary>
    public required string Hash { get; init; }

    /// <summary>The bytes that are hashed: canonical JSON of every column but the hash.</summary>
    public static byte[] CanonicalForm(long sequence, string kind, string subject, DateTimeOffset recordedAt, string previousHash, string payloadJson) =>
        CanonicalJson.Utf8(new JsonObject
        {
            ["sequence"] = sequence,
            ["kind"] = kind,
            ["subject"] = subject,
            ["recordedAt"] = LedgerTime.Format(recordedAt),
            ["previousHash"] = previousHash,
            ["payload"] = JsonNode.Parse(payloadJson),
        });

    public static string ComputeHash(long sequence, string kind, string subject, DateTimeOffset recordedAt, string previousHash, string payloadJson) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalForm(sequence, kind, subject, recordedAt, previousHash, payloadJson)));

    public string ComputeHash() => ComputeHash(Sequence, Kind, Subject, RecordedAt, PreviousHash, PayloadJson);

    public static LedgerEntry Next(long sequence, string previousHash, LedgerRecord record, DateTimeOffset now)
    {
        var recordedAt = LedgerTime.Truncate(now);
        var payload = CanonicalJson.Serialize(record.Payload);
        return new LedgerEntry
        {
            Sequence = sequence,
            Kind = record.Kind,
            Subject = record.Subject,
            RecordedAt = recordedAt,
            PayloadJson = payload,
            PreviousHash = previousHash,
            Hash = ComputeHash(sequence, record.Kind, record.Subject, recordedAt, previousHash, payload),
        };
    }
}
