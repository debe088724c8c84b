namespace KpuTriage.Core.Prompts;

/// <summary>
/// What a replay found: each version's scores and cost over the same letters, and the letters
/// one by one so an admin can see where the two versions differ.
/// </summary>
/// <param name="Decisions">Approved decisions sampled into the gold set.</param>
/// <param name="DevelopmentLetters">Letters of the development set in the prompts folder.</param>
/// <param name="Note">What the admin should know about the gold set (e.g. no development set found), or null.</param>
public sealed record ReplayResult(
    VersionReplay Draft, VersionReplay Active, int Decisions, int DevelopmentLetters, string? Note, IReadOnlyList<ReplayLetter> Letters);
