namespace KpuTriage.Core.Classification;

/// <summary>One target's answer: the most probable code, its probability, and every code's probability.</summary>
public sealed record ClassPrediction(string Label, double Probability, IReadOnlyDictionary<string, double> Probabilities);
