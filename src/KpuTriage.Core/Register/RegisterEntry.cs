namespace KpuTriage.Core.Register;

/// <summary>
/// A committed line of the buku agenda (the register of incoming letters). It keeps the final
/// values, the proposal they came from and who decided, so every decision can be traced.
/// (Year, AgendaNumber) is unique: agenda numbers restart at 1 each year.
/// </summary>
public sealed class RegisterEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DocumentId { get; init; }
    public int Year { get; init; }
    public int AgendaNumber { get; init; }
    public string? LetterNumber { get; init; }
    public string? LetterDate { get; init; }
    public required string Sender { get; init; }
    public required string Perihal { get; init; }
    public required string Urgency { get; init; }
    public required string Security { get; init; }
    public required string LetterType { get; init; }

    /// <summary>Routing: the register (ketua or sekretaris), the unit, and the top-level archive code, as taxonomy codes.</summary>
    public string? Register { get; init; }
    public string? Unit { get; init; }
    public string? ArchiveCode { get; init; }

    /// <summary>A summary of at most three sentences; the classifier also learns from it.</summary>
    public string? Summary { get; init; }
    public Guid? ProposalId { get; init; }
    public string? Engine { get; init; }
    public string? Model { get; init; }
    public string? PromptVersion { get; init; }

    /// <summary>Fields the clerk changed: name → {proposed, final}, as JSON.</summary>
    public required string DiffJson { get; init; }

    public required string DecidedBy { get; init; }
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>Four eyes: the supervisor who co-approved, when the letter's security class asked for it.</summary>
    public string? CoApprovedBy { get; init; }

    public DateTimeOffset? CoApprovedAt { get; init; }

    /// <summary>The disposition (lembar disposisi) to <see cref="Unit"/>: standard action codes from the taxonomy, comma-separated.</summary>
    public string? DispositionActions { get; init; }

    public string? DispositionNote { get; init; }

    /// <summary>yyyy-MM-dd: by when the unit must act.</summary>
    public string? DispositionDeadline { get; init; }

    /// <summary>A final value by its field name (<see cref="Review.FinalValues.FieldNames"/>); null for a field the entry does not hold.</summary>
    public string? Value(string field) => field switch
    {
        "letterNumber" => LetterNumber,
        "letterDate" => LetterDate,
        "sender" => Sender,
        "perihal" => Perihal,
        "urgency" => Urgency,
        "security" => Security,
        "letterType" => LetterType,
        "register" => Register,
        "unit" => Unit,
        "archiveCode" => ArchiveCode,
        "summary" => Summary,
        _ => null,
    };

    /// <summary>The agenda number as printed in the buku agenda, e.g. 0042/2026.</summary>
    public string AgendaLabel => $"{AgendaNumber:D4}/{Year}";
}
