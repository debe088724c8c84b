namespace KpuTriage.Core.Ledger;

/// <summary>A checkpoint to hold the chain against, the public key it must verify under, and who held it (for the report).</summary>
public sealed record TrustedCheckpoint(CheckpointMessage Message, byte[] Key, string KeyDescription, string Holder);
