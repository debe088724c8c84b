namespace KpuTriage.Core.Prompts;

/// <summary>A draft's shadow run so far: what it proposed, and on the letters clerks have decided, how it compares with the live proposals.</summary>
/// <param name="Proposed">Live letters the draft proposed for.</param>
/// <param name="Decided">Of those, letters a clerk has decided from a live proposal: the ones scored.</param>
/// <param name="ManualTriage">Letters the draft could not propose for (an unfit answer, a refusal).</param>
public sealed record ShadowReport(
    int Version, int Proposed, int Decided, IReadOnlyList<ShadowFieldScore> Fields, long PromptTokens, long CompletionTokens, double? MeanMilliseconds, int ManualTriage);

/// <summary>One field over the decided letters: how often the draft and the live proposal held the clerk's final value.</summary>
public sealed record ShadowFieldScore(string Field, int Letters, int ShadowCorrect, int LiveCorrect);
