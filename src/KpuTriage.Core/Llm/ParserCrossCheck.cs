using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// Sets the model's reading beside the deterministic parser's. Where the parser read a value
/// with confidence (printed in the header, not assumed) and the model read another, neither
/// is trusted: the model's value stays but drops below the low-confidence mark, and the clerk
/// is told both. Where the model found nothing, the parser's reading fills the gap; fields
/// the model is not asked for (Lampiran, addressee, signer, Tembusan) come from the parser.
/// </summary>
public static class ParserCrossCheck
{
    /// <summary>Where model and parser disagree, the model's confidence is at most this: below <see cref="ProposedField.LowConfidence"/>.</summary>
    public const double Disputed = 0.45;

    private static readonly string[] Compared =
        ["letterNumber", "letterDate", "perihal", "urgency", "security", "letterType", "eventDate", "eventTime", "deadline"];

    public static (LetterFields Fields, IReadOnlyList<FieldDisagreement> Disagreements) Merge(LetterFields model, LetterFields parser)
    {
        var parsed = parser.Named().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var disagreements = new List<FieldDisagreement>();
        var merged = model.Map((name, field) =>
        {
            var read = parsed[name];
            if (field.Value is null)
            {
                return read;
            }

            if (Compared.Contains(name) && read.Value is not null && !read.IsLowConfidence && !Same(field.Value, read.Value))
            {
                disagreements.Add(new FieldDisagreement(name, field.Value, read.Value));
                return field with { Confidence = Math.Min(field.Confidence, Disputed) };
            }

            return field;
        });
        return (merged with { Pii = parser.Pii }, disagreements);
    }

    private static bool Same(string a, string b) => Key(a) == Key(b);

    private static string Key(string value) =>
        string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c is not ('.' or ',' or ':' or ';' or '"' or '\''))).ToUpperInvariant();
}
