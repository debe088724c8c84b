namespace KpuTriage.Core.Evaluation;

/// <summary>
/// One labelled letter: the <see cref="File"/> it applies to (a stem such as "07-bawaslu"
/// covers every rendering of the letter, or a full file name) and the expected value of each
/// field, empty when the letter has none.
/// </summary>
public sealed record LabelRow(string File, int Line, IReadOnlyDictionary<string, string> Expected);
