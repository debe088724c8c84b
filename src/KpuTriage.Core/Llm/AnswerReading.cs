namespace KpuTriage.Core.Llm;

/// <summary>What <see cref="AnswerReader"/> made of a model's answer: the answer, or why it does not fit.</summary>
public sealed record AnswerReading(ModelAnswer? Answer, string? Unfit)
{
    public static AnswerReading Fits(ModelAnswer answer) => new(answer, null);

    public static AnswerReading DoesNotFit(string reason) => new(null, reason);
}
