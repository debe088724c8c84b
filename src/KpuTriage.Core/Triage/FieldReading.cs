namespace KpuTriage.Core.Triage;

/// <summary>A proposed field and, when the rule was unsure, a note saying why in plain words.</summary>
internal sealed record FieldReading(ProposedField Field, string? Note = null)
{
    public static FieldReading Missing { get; } = new(ProposedField.Missing);

    /// <summary>The most confident reading; the earliest wins a tie, as a letter's header comes first.</summary>
    public static FieldReading Best(IEnumerable<FieldReading?> readings) =>
        readings.OfType<FieldReading>().MaxBy(r => r.Field.Confidence) ?? Missing;
}
