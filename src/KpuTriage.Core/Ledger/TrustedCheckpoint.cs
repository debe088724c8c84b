namespace KpuTriage.Core.Ledger;

/// <summary>
/// A checkpoint to hold the chain against, the public key it must verify under, and who held it
/// (for the report); <paramref name="Refusal"/> says why no trusted key is left for it (a key
/// nobody announced, or one used after it was retired).
/// </summary>
public sealed record TrustedCheckpoint(CheckpointMessage Message, byte[] Key, string KeyDescription, string Holder, string? Refusal = null);
