namespace KpuTriage.Core.Prompts;

/// <summary>How often one field was right over the letters a replay scored.</summary>
public sealed record FieldTally(string Field, int Letters, int Correct)
{
    public double? Share => Letters == 0 ? null : (double)Correct / Letters;
}
