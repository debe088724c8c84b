using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Evaluation;

/// <summary>
/// The columns a labels file may have. Fields are named by their API names so the labels
/// follow the proposal as it grows; routing fields are listed here too because a labelled set
/// may be written before the engine proposes them (a field the proposal lacks scores as empty).
/// </summary>
public static class LabelColumns
{
    public const string File = "file";

    /// <summary>"yes" when part of the letter number was written by hand: such letters are also scored apart.</summary>
    public const string HandwrittenNumber = "handwrittenNumber";

    /// <summary>Free text for people: never scored.</summary>
    public const string Notes = "notes";

    /// <summary>Fields whose values are taxonomy codes: scored by accuracy and a confusion table, not by text match.</summary>
    public static IReadOnlySet<string> Categories { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "letterType", "urgency", "security", "register", "unit", "archiveCode",
    };

    /// <summary>Every field a label may name: the proposal's fields and the routing fields and summary still being added to it.</summary>
    public static IReadOnlySet<string> Known { get; } = new HashSet<string>(
        new LetterFields().Named().Select(f => f.Key).Concat(["register", "unit", "archiveCode", "summary"]),
        StringComparer.Ordinal);

    /// <summary>Columns that describe a letter rather than a field of it: read, not scored.</summary>
    public static IReadOnlySet<string> Annotations { get; } = new HashSet<string>(StringComparer.Ordinal) { HandwrittenNumber, Notes };

    public static bool IsCategory(string field) => Categories.Contains(field);
}
