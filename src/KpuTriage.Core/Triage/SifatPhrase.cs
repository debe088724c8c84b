namespace KpuTriage.Core.Triage;

/// <summary>
/// A printed Sifat phrase and the urgency or security code it stands for. An approximate
/// phrase ("Penting", "Mendesak") only suggests the code: the clerk confirms it.
/// </summary>
public sealed record SifatPhrase(string Phrase, string Code, bool Approximate);
