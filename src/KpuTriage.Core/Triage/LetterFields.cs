namespace KpuTriage.Core.Triage;

/// <summary>
/// The register fields the machine proposes for a letter. Field names follow the naskah
/// dinas header (DOMAIN.md): Perihal is the subject ("Hal"), Sifat is printed as one word but
/// stored as two axes, urgency and security, with the raw text kept in <see cref="SifatRaw"/>.
/// Values of Urgency, Security and LetterType are taxonomy codes (prompts/taxonomy.yaml);
/// LetterDate is ISO yyyy-MM-dd.
/// </summary>
public sealed record LetterFields
{
    public ProposedField LetterNumber { get; init; } = ProposedField.Missing;
    public ProposedField LetterDate { get; init; } = ProposedField.Missing;
    public ProposedField Sender { get; init; } = ProposedField.Missing;
    public ProposedField Perihal { get; init; } = ProposedField.Missing;
    public ProposedField SifatRaw { get; init; } = ProposedField.Missing;
    public ProposedField Urgency { get; init; } = ProposedField.Missing;
    public ProposedField Security { get; init; } = ProposedField.Missing;
    public ProposedField LetterType { get; init; } = ProposedField.Missing;

    /// <summary>The fields by their API names, in the order a clerk reads a letter header.</summary>
    public IEnumerable<KeyValuePair<string, ProposedField>> Named()
    {
        yield return new("letterNumber", LetterNumber);
        yield return new("letterDate", LetterDate);
        yield return new("sender", Sender);
        yield return new("perihal", Perihal);
        yield return new("sifatRaw", SifatRaw);
        yield return new("urgency", Urgency);
        yield return new("security", Security);
        yield return new("letterType", LetterType);
    }
}
