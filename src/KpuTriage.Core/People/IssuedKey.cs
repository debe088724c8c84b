namespace KpuTriage.Core.People;

/// <summary>A key just made: its name, the sources it acts as, and the secret, which nothing can show again.</summary>
public sealed record IssuedKey(string Name, IReadOnlyList<string> Sources, string Secret);
