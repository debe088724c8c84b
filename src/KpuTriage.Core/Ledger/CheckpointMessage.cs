using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// A checkpoint as it travels: the JSON body published to the exchange
/// <c>kputriage.ledger.checkpoints</c>, one line of an export's checkpoints.jsonl, and what
/// <c>kputriage ledger import-checkpoints</c> reads. The signature covers the canonical JSON of
/// office, sequence, hash, signedAt and keyId (<see cref="SignedBytes"/>).
/// </summary>
public sealed record CheckpointMessage(
    [property: JsonPropertyName("office")] string Office,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("signedAt")] string SignedAt,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("publicKey")] string PublicKey,
    [property: JsonPropertyName("signature")] string Signature)
{
    public byte[] SignedBytes() => SignedBytes(Office, Sequence, Hash, SignedAt, KeyId);

    public static byte[] SignedBytes(string office, long sequence, string hash, string signedAt, string keyId) =>
        CanonicalJson.Utf8(new JsonObject
        {
            ["office"] = office,
            ["sequence"] = sequence,
            ["hash"] = hash,
            ["signedAt"] = signedAt,
            ["keyId"] = keyId,
        });

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
