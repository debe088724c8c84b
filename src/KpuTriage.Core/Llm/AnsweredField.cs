namespace KpuTriage.Core.Llm;

/// <summary>One field of a model's answer: the value, the words of the letter it claims to come from, and its confidence.</summary>
public sealed record AnsweredField(string? Value, string? Quote, double Confidence);
