using KpuTriage.Core.Extraction;

namespace KpuTriage.Core.Prompts;

/// <summary>A letter of a replay's gold set: its text as the engine reads it, and what the clerk approved or the label says.</summary>
/// <param name="Source">The decision's agenda number (0042/2026) or the development set's file name.</param>
/// <param name="Expected">Field API name → expected value; empty when the letter has none.</param>
public sealed record GoldLetter(string Source, string Origin, string LetterType, IReadOnlyList<ExtractedPage> Pages, IReadOnlyDictionary<string, string> Expected)
{
    public const string Decision = "decision";
    public const string Development = "development";

    /// <summary>
    /// What a replay scores: the fields a clerk approves into the register, the ones a prompt
    /// changes. Both the register and the development set's labels have every one of them.
    /// </summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["letterNumber", "letterDate", "sender", "perihal", "letterType", "urgency", "security", "register", "unit", "archiveCode"];
}
