using System.Globalization;
using System.Text.RegularExpressions;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// Turns a fitting answer into proposed fields: personal data restored, each quote located in
/// the letter as evidence, dates and times checked. A value whose quote is not in the letter,
/// or that has no quote, is kept for the clerk but marked uncertain.
/// </summary>
public static partial class AnswerFields
{
    /// <summary>Confidence ceiling for a value whose quote is nowhere in the letter.</summary>
    public const double UnfoundQuote = 0.3;

    /// <summary>Confidence ceiling for a value given without any quote.</summary>
    public const double NoQuote = 0.5;

    private const int MaxSummarySentences = 3;

    public static LetterFields From(ModelAnswer answer, IReadOnlyList<ExtractedPage> pages, PersonalDataMask? mask, Taxonomy taxonomy, List<string> warnings)
    {
        ProposedField Field(string name)
        {
            var given = answer.Fields[name];
            var value = mask?.Restore(given.Value) ?? given.Value;
            if (value is null)
            {
                return ProposedField.Missing;
            }

            if (!WellFormed(name, value))
            {
                warnings.Add($"{name}: the model's '{value}' is not in the expected form, so it is left out");
                return ProposedField.Missing;
            }

            var quote = mask?.Restore(given.Quote) ?? given.Quote;
            var evidence = QuoteLocator.Find(pages, quote);
            if (evidence is null && quote is not null)
            {
                warnings.Add($"{name}: the model's quote is not in the letter, so '{value}' has no evidence");
                return new ProposedField(value, Math.Min(given.Confidence, UnfoundQuote), null);
            }

            return new ProposedField(value, evidence is null ? Math.Min(given.Confidence, NoQuote) : given.Confidence, evidence);
        }

        return new LetterFields
        {
            LetterNumber = Field("letterNumber"),
            LetterDate = Field("letterDate"),
            Sender = Field("sender"),
            Perihal = Field("perihal"),
            LetterType = Field("letterType"),
            Urgency = Field("urgency"),
            Security = Field("security"),
            Register = Field("register"),
            Unit = Unit(Field("unit"), answer.Fields["register"].Value, taxonomy, warnings),
            ArchiveCode = Field("archiveCode"),
            Deadline = Field("deadline"),
            EventDate = Field("eventDate"),
            EventTime = Field("eventTime"),
            EventPlace = Field("eventPlace"),
            DispositionActions = answer.DispositionActions.Count == 0
                ? ProposedField.Missing
                : new ProposedField(string.Join(LetterFields.ListSeparator, answer.DispositionActions), Math.Min(answer.DispositionConfidence, NoQuote), null),
            Summary = Summary(mask?.Restore(answer.Summary) ?? answer.Summary, answer.SummaryConfidence, warnings),
        };
    }

    // The schema cannot say that a unit belongs to its register; the taxonomy can.
    private static ProposedField Unit(ProposedField unit, string? register, Taxonomy taxonomy, List<string> warnings)
    {
        if (unit.Value is null || register is null || taxonomy.Units.FirstOrDefault(u => u.Code == unit.Value) is not { } entry || entry.Register == register)
        {
            return unit;
        }

        warnings.Add($"unit: '{unit.Value}' belongs to register '{entry.Register}', not to the proposed '{register}'");
        return unit with { Confidence = Math.Min(unit.Confidence, UnfoundQuote) };
    }

    private static bool WellFormed(string name, string value) => name switch
    {
        "letterDate" or "eventDate" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "eventTime" => TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    private static ProposedField Summary(string? summary, double confidence, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return ProposedField.Missing;
        }

        var sentences = SentenceEnd().Split(summary.Trim());
        if (sentences.Length > MaxSummarySentences)
        {
            warnings.Add($"summary: the model wrote {sentences.Length} sentences; the first {MaxSummarySentences} are kept");
            summary = string.Join(' ', sentences.Take(MaxSummarySentences));
        }

        // A paraphrase, not a quote: it is shown as the model's, never as read.
        return new ProposedField(summary, Math.Min(confidence, NoQuote), null);
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")]
    private static partial Regex SentenceEnd();
}
