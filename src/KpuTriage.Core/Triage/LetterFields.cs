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

    /// <summary>Lampiran, the attachments as printed ("2 (dua) lembar"); "-" when the letter says none.</summary>
    public ProposedField Lampiran { get; init; } = ProposedField.Missing;
    public ProposedField Addressee { get; init; } = ProposedField.Missing;
    public ProposedField SignerPosition { get; init; } = ProposedField.Missing;
    public ProposedField SignerName { get; init; } = ProposedField.Missing;

    /// <summary>Tembusan, the copies to: the entries joined with "; ".</summary>
    public ProposedField Tembusan { get; init; } = ProposedField.Missing;

    /// <summary>An undangan's event: date ISO yyyy-MM-dd, start time HH:mm, and venue.</summary>
    public ProposedField EventDate { get; init; } = ProposedField.Missing;
    public ProposedField EventTime { get; init; } = ProposedField.Missing;
    public ProposedField EventPlace { get; init; } = ProposedField.Missing;

    /// <summary>ISO yyyy-MM-dd, or the phrase itself when it counts from an unstated day ("paling lambat 3 (tiga) hari kerja").</summary>
    public ProposedField Deadline { get; init; } = ProposedField.Missing;

    /// <summary>Routing, proposed by the classifier: register (ketua/sekretaris), unit, and top-level archive code.</summary>
    public ProposedField Register { get; init; } = ProposedField.Missing;
    public ProposedField Unit { get; init; } = ProposedField.Missing;
    public ProposedField ArchiveCode { get; init; } = ProposedField.Missing;

    /// <summary>At most three sentences of the letter that say what it is about.</summary>
    public ProposedField Summary { get; init; } = ProposedField.Missing;

    /// <summary>Disposition actions (taxonomy codes) a language model proposes, joined with <see cref="ListSeparator"/>; the local engine proposes none.</summary>
    public ProposedField DispositionActions { get; init; } = ProposedField.Missing;

    /// <summary>Joins the entries of a field that holds a list (Tembusan, disposition actions).</summary>
    public const string ListSeparator = "; ";

    /// <summary>Personal data found anywhere in the letter, in page and text order.</summary>
    public IReadOnlyList<PiiSpan> Pii { get; init; } = [];

    /// <summary>Fields many letters rightly lack (no Tembusan, no event): their absence is no warning.</summary>
    public static IReadOnlySet<string> OptionalNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "lampiran", "addressee", "signerPosition", "signerName", "tembusan", "eventDate", "eventTime", "eventPlace", "deadline", "summary", "dispositionActions",
    };

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
        yield return new("lampiran", Lampiran);
        yield return new("addressee", Addressee);
        yield return new("signerPosition", SignerPosition);
        yield return new("signerName", SignerName);
        yield return new("tembusan", Tembusan);
        yield return new("eventDate", EventDate);
        yield return new("eventTime", EventTime);
        yield return new("eventPlace", EventPlace);
        yield return new("deadline", Deadline);
        yield return new("register", Register);
        yield return new("unit", Unit);
        yield return new("archiveCode", ArchiveCode);
        yield return new("summary", Summary);
        yield return new("dispositionActions", DispositionActions);
    }

    /// <summary>The same fields, each passed through <paramref name="map"/> with its API name.</summary>
    public LetterFields Map(Func<string, ProposedField, ProposedField> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return this with
        {
            LetterNumber = map("letterNumber", LetterNumber),
            LetterDate = map("letterDate", LetterDate),
            Sender = map("sender", Sender),
            Perihal = map("perihal", Perihal),
            SifatRaw = map("sifatRaw", SifatRaw),
            Urgency = map("urgency", Urgency),
            Security = map("security", Security),
            LetterType = map("letterType", LetterType),
            Lampiran = map("lampiran", Lampiran),
            Addressee = map("addressee", Addressee),
            SignerPosition = map("signerPosition", SignerPosition),
            SignerName = map("signerName", SignerName),
            Tembusan = map("tembusan", Tembusan),
            EventDate = map("eventDate", EventDate),
            EventTime = map("eventTime", EventTime),
            EventPlace = map("eventPlace", EventPlace),
            Deadline = map("deadline", Deadline),
            Register = map("register", Register),
            Unit = map("unit", Unit),
            ArchiveCode = map("archiveCode", ArchiveCode),
            Summary = map("summary", Summary),
            DispositionActions = map("dispositionActions", DispositionActions),
        };
    }
}
