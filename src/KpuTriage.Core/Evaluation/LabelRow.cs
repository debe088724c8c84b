namespace KpuTriage.Core.Evaluation;

/// <summary>
/// One labelled letter: the <see cref="File"/> it applies to (a stem such as "07-bawaslu"
/// covers every rendering of the letter, or a full file name) and the expected value of each
/// field, empty when the letter has none.
/// </summary>
public sealed record LabelRow(string File, int Line, IReadOnlyDictionary<string, string> Expected)
{
    /// <summary>The row says part of the letter number was written by hand (column <c>handwrittenNumber</c> = yes).</summary>
    public bool HandwrittenNumber =>
        Expected.GetValueOrDefault(LabelColumns.HandwrittenNumber) is { } value
        && (value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("ya", StringComparison.OrdinalIgnoreCase));
}
