namespace KpuTriage.Core.Llm;

/// <summary>A letter and the answer it should get, sent before the real letter to show the shape of a good answer.</summary>
public sealed record FewShotExample(string Letter, string Answer);
