using KpuTriage.Core.Review;

namespace KpuTriage.Core.Dashboard;

/// <summary>
/// Decided letters of one group (all, a prompt version, an engine, a day) and, per scored
/// field, how many the clerk corrected. A field agrees when the clerk kept the machine's
/// value: it is not in the register entry's diff.
/// </summary>
public sealed record AgreementTally(string? PromptVersion, string? Engine, int Decided, IReadOnlyDictionary<string, int> Corrected)
{
    public static IReadOnlyList<string> Fields => FinalValues.FieldNames;

    public int Kept(string field) => Decided - Corrected.GetValueOrDefault(field);

    /// <summary>Share of decided letters whose <paramref name="field"/> the clerk kept; null with no decided letter.</summary>
    public double? Agreement(string field) => Decided == 0 ? null : (double)Kept(field) / Decided;

    public int FieldsCorrected => Corrected.Values.Sum();

    public int FieldsScored => Decided * Fields.Count;

    /// <summary>Share of all scored fields of all decided letters that the clerk changed.</summary>
    public double? CorrectedShare => FieldsScored == 0 ? null : (double)FieldsCorrected / FieldsScored;

    /// <summary>Share of all scored fields kept: one minus <see cref="CorrectedShare"/>.</summary>
    public double? OverallAgreement => FieldsScored == 0 ? null : 1 - (double)FieldsCorrected / FieldsScored;
}
