using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// A checkpoint as it travels: the JSON body published to the exchange
/// <c>kputriage.ledger.checkpoints</c>, one line of an export's checkpoints.jsonl, and what
/// <c>kputriage ledger import-checkpoints</c> reads. The signature covers the canonical JSON of
/// office, sequence, hash, signedAt and keyId, and nextKey when there is one (<see cref="SignedBytes"/>).
/// A checkpoint with <see cref="NextKey"/> announces the key that signs the office's checkpoints
/// after it (<c>kputriage ledger rotate-key</c>): whoever trusts the signer trusts the successor.
/// </summary>
public sealed record CheckpointMessage(
    [property: JsonPropertyName("office")] string Office,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("signedAt")] string SignedAt,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    [property: JsonPropertyName("signature")] string Signature,
    [property: JsonPropertyName("nextKey"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NextKey = null)
{
    public byte[] SignedBytes() => SignedBytes(Office, Sequence, Hash, SignedAt, KeyId, NextKey);

    /// <param name="nextKey">The announced successor's public key (SubjectPublicKeyInfo DER, base64); signed only when present, so checkpoints made before rotation existed verify as they were signed.</param>
    public static byte[] SignedBytes(string office, long sequence, string hash, string signedAt, string keyId, string? nextKey = null)
    {
        var signed = new JsonObject
        {
            ["office"] = office,
            ["sequence"] = sequence,
            ["hash"] = hash,
            ["signedAt"] = signedAt,
            ["keyId"] = keyId,
        };
        if (nextKey is not null)
        {
            signed["nextKey"] = nextKey;
        }

        return CanonicalJson.Utf8(signed);
    }

    /// <summary>The announced successor's public key, or null when none (or it is not base64).</summary>
    public byte[]? NextKeyBytes()
    {
        try
        {
            return NextKey is null ? null : Convert.FromBase64String(NextKey);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>True when the signature verifies under <paramref name="publicKey"/> (SubjectPublicKeyInfo DER).</summary>
    public bool VerifiesUnder(byte[] publicKey)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(publicKey, out _);
            return key.VerifyData(SignedBytes(), Convert.FromBase64String(Signature), HashAlgorithmName.SHA256);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
