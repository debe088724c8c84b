namespace KpuTriage.Core.Ledger;

/// <summary>
/// A signed statement "office X's chain had hash H at entry N", made by this office at
/// intervals (<see cref="Imported"/> false) or received from another office (true). Another
/// office holding a checkpoint is what catches a history rewritten after it: the signed head no
/// longer matches the chain.
/// </summary>
public sealed class LedgerCheckpoint
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The office whose chain this is (Ledger:OfficeId of the signer).</summary>
    public required string Office { get; init; }

    public long Sequence { get; init; }

    /// <summary>The hash of the entry at <see cref="Sequence"/>.</summary>
    public required string Hash { get; init; }

    public DateTimeOffset SignedAt { get; init; }

    /// <summary>First 16 hex digits of the SHA-256 of the signer's public key (SubjectPublicKeyInfo).</summary>
    public required string KeyId { get; init; }

    /// <summary>The signer's public key, SubjectPublicKeyInfo DER in base64.</summary>
    public required string PublicKey { get; init; }

    /// <summary>ECDSA P-256 / SHA-256 signature (IEEE P1363, r‖s) over <see cref="CheckpointMessage.SignedBytes"/>, base64.</summary>
    public required string Signature { get; init; }

    /// <summary>The key this checkpoint announces as the office's next (SubjectPublicKeyInfo DER, base64), signed with the rest; null on ordinary checkpoints.</summary>
    public string? NextKey { get; init; }

    public bool Imported { get; init; }

    /// <summary>For imported checkpoints: the file or queue it came from, and when.</summary>
    public string? ReceivedFrom { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Own checkpoints not yet confirmed by the broker: the signer publishes them again.</summary>
    public bool PublishPending { get; set; }

    public CheckpointMessage ToMessage() => new(Office, Sequence, Hash, LedgerTime.Format(SignedAt), KeyId, PublicKey, Signature, NextKey);
}
