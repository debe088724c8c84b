namespace KpuTriage.Core.Triage;

/// <summary>
/// One proposed value with the engine's confidence (0..1) and the text it came from.
/// A null <see cref="Value"/> means the engine found nothing; confidence then is 0.
/// </summary>
public sealed record ProposedField(string? Value, double Confidence, Evidence? Evidence)
{
    public static ProposedField Missing { get; } = new(null, 0, null);

    /// <summary>Below this a field is shown to the clerk as uncertain.</summary>
    public const double LowConfidence = 0.6;

    public bool IsLowConfidence => Confidence < LowConfidence;
}
