namespace KpuTriage.Core.Classification;

/// <summary>
/// The fields the local classifier learns, by their API names (LetterFields, FinalValues):
/// each is a taxonomy vocabulary, and each gets its own model.
/// </summary>
public static class ClassifierTargets
{
    public const string LetterType = "letterType";
    public const string Register = "register";
    public const string Unit = "unit";
    public const string Urgency = "urgency";
    public const string ArchiveCode = "archiveCode";

    public static IReadOnlyList<string> All { get; } = [LetterType, Register, Unit, Urgency, ArchiveCode];
}
