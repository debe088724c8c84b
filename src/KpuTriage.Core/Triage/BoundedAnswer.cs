using KpuTriage.Core.Review;

namespace KpuTriage.Core.Triage;

/// <summary>
/// Holds an engine's answer to the limits a decision must meet (<see cref="TextLimits"/>), so a
/// clerk can always approve a proposal as it stands: a hostile letter can make the parser or a
/// model read a perihal of megabytes, and a value over the limit would otherwise block the
/// approval and bloat every page that shows it. A value is cut to its field's limit (ending in
/// "…") and stripped of characters a decision refuses; such a field is marked uncertain with a
/// warning that names it, so the clerk checks it against the letter.
/// </summary>
public static class BoundedAnswer
{
    // Below ProposedField.LowConfidence: the desk shows the field as one to check.
    private const double BoundedConfidence = 0.5;

    public static EngineProposal Bound(EngineProposal answer, TextLimits limits)
    {
        var warnings = new List<string>();
        var fields = answer.Fields.Map((name, field) =>
        {
            var (value, cleaned, cut) = limits.Bound(name, field.Value);
            if (!cleaned && !cut)
            {
                return field;
            }

            if (cut)
            {
                warnings.Add($"{name}: the letter's value is {field.Value!.Length} characters long; only the first {limits.Of(name)} are kept, check it against the letter");
            }

            if (cleaned)
            {
                warnings.Add($"{name}: control or broken characters were removed from the letter's value");
            }

            var evidence = field.Evidence is { } e ? e with { Quote = limits.Bound(name, e.Quote).Value! } : null;
            return new ProposedField(value, Math.Min(field.Confidence, BoundedConfidence), evidence);
        });
        return answer with
        {
            Fields = fields,
            // An engine's own warnings may quote the letter's value in full.
            Warnings = [.. answer.Warnings.Select(w => limits.Bound("warning", w).Value!), .. warnings],
            Disagreements = [.. answer.Disagreements.Select(d => d with { Model = limits.Bound(d.Field, d.Model).Value, Parser = limits.Bound(d.Field, d.Parser).Value })],
        };
    }
}
