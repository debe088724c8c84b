using System.Globalization;
using System.Text.RegularExpressions;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Classification;

/// <summary>
/// Joins the parser's reading with the classifier's predictions. What a letter prints wins
/// (a number's type prefix, a Sifat line, an archive code in a KPU number); the classifier
/// fills what the letter does not say — the routing always, the letter type and urgency when
/// the parser only guessed (urgency only beside the default, in its note: a letter with no Sifat line is biasa). Where both answer the same, confidence rises; a value from the
/// classifier alone carries a note with its probability, and no quote, since it was inferred.
/// </summary>
internal static partial class ClassifierFusion
{
    // A probability is not a reading: classifier-only values stay a notch below what they claim.
    private const double ClassifierDiscount = 0.9;

    private const double DefaultUrgencyCap = 0.7;

    // Below this the words of a letter say little about its urgency: the default stands.
    private const double SuggestUrgencyFrom = 0.7;
    private const double ArchiveCodeFromNumber = 0.8;
    private const double MaxAgreement = 0.95;

    public static LetterReading Apply(LetterReading reading, IReadOnlyDictionary<string, ClassPrediction> predictions, Taxonomy taxonomy)
    {
        var notes = new Dictionary<string, string>(reading.Notes, StringComparer.Ordinal);
        var fields = reading.Fields;
        fields = fields with
        {
            LetterType = LetterType(fields.LetterType, predictions.GetValueOrDefault(ClassifierTargets.LetterType), notes),
            Urgency = Urgency(fields, predictions.GetValueOrDefault(ClassifierTargets.Urgency), taxonomy, notes),
            ArchiveCode = ArchiveCode(fields.LetterNumber, predictions.GetValueOrDefault(ClassifierTargets.ArchiveCode), taxonomy, notes),
        };
        var (register, unit) = Routing(predictions.GetValueOrDefault(ClassifierTargets.Register), predictions.GetValueOrDefault(ClassifierTargets.Unit), taxonomy, notes);
        return new LetterReading(fields with { Register = register, Unit = unit }, notes);
    }

    private static ProposedField LetterType(ProposedField parsed, ClassPrediction? predicted, Dictionary<string, string> notes)
    {
        if (predicted is null)
        {
            return parsed;
        }

        if (predicted.Label == parsed.Value)
        {
            return parsed with { Confidence = Agree(parsed.Confidence, predicted.Probability) };
        }

        var inferred = predicted.Probability * ClassifierDiscount;
        if (parsed.IsLowConfidence && inferred > parsed.Confidence)
        {
            notes["letterType"] = $"inferred by the classifier (p={Format(predicted.Probability)}); the header suggested '{parsed.Value}'";
            return new ProposedField(predicted.Label, inferred, null);
        }

        return parsed;
    }

    private static ProposedField Urgency(LetterFields fields, ClassPrediction? predicted, Taxonomy taxonomy, Dictionary<string, string> notes)
    {
        var parsed = fields.Urgency;
        var printed = fields.SifatRaw.Value is not null && !parsed.IsLowConfidence;

        // A printed Sifat, or a suggestion from the letter's own dates, is better evidence than words.
        var fromDates = parsed.Value != taxonomy.DefaultUrgency && parsed.Evidence is not null;
        if (predicted is null || printed || fromDates || !taxonomy.Allows("urgency", predicted.Label))
        {
            return parsed;
        }

        if (predicted.Label == taxonomy.DefaultUrgency)
        {
            return parsed.Value == predicted.Label
                ? parsed with { Confidence = Math.Max(parsed.Confidence, Math.Min(predicted.Probability, DefaultUrgencyCap)) }
                : parsed;
        }

        if (predicted.Probability < SuggestUrgencyFrom)
        {
            return parsed;
        }

        // Urgency is what the letter says: with no Sifat line it stays the default, and the
        // classifier's guess is only named beside it, marked inferred.
        var said = notes.GetValueOrDefault("urgency") ?? $"the letter prints no Sifat; '{parsed.Value}' is assumed";
        notes["urgency"] = $"{said}; inferred by the classifier, not printed: '{predicted.Label}' (p={Format(predicted.Probability)})";
        return parsed;
    }

    private static ProposedField ArchiveCode(ProposedField number, ClassPrediction? predicted, Taxonomy taxonomy, Dictionary<string, string> notes)
    {
        var printed = FromNumber(number, taxonomy);
        if (printed is not null)
        {
            return predicted is not null && predicted.Label == printed.Value
                ? printed with { Confidence = Agree(printed.Confidence, predicted.Probability) }
                : printed;
        }

        if (predicted is null || !taxonomy.Allows("archiveCode", predicted.Label))
        {
            return ProposedField.Missing;
        }

        notes["archiveCode"] = $"inferred by the classifier (p={Format(predicted.Probability)})";
        return new ProposedField(predicted.Label, predicted.Probability * ClassifierDiscount, null);
    }

    /// <summary>A KPU-style number carries the archive code: "1/PP.01.1-SD/3214/1/2026" is PP.</summary>
    private static ProposedField? FromNumber(ProposedField number, Taxonomy taxonomy)
    {
        if (number.Value is null || number.Evidence is not { } evidence)
        {
            return null;
        }

        foreach (Match match in ArchiveSegment().Matches(evidence.Quote))
        {
            var code = match.Groups["code"].Value;
            if (taxonomy.Allows("archiveCode", code))
            {
                var quote = new Evidence(evidence.Page, evidence.Start + match.Index, match.Length, match.Value);
                return new ProposedField(code, ArchiveCodeFromNumber * number.Confidence, quote);
            }
        }

        return null;
    }

    /// <summary>
    /// The register and the unit must agree (a unit belongs to one register): the register is
    /// chosen on both models' evidence, then the likeliest unit within it.
    /// </summary>
    private static (ProposedField Register, ProposedField Unit) Routing(
        ClassPrediction? register, ClassPrediction? unit, Taxonomy taxonomy, Dictionary<string, string> notes)
    {
        if (register is null && unit is null)
        {
            return (ProposedField.Missing, ProposedField.Missing);
        }

        var units = taxonomy.Units.Where(u => unit?.Probabilities.ContainsKey(u.Code) == true).ToList();
        var scores = taxonomy.Registers.Select(r =>
        {
            var fromRegister = register?.Probabilities.GetValueOrDefault(r.Code);
            var fromUnits = unit is null ? (double?)null : units.Where(u => u.Register == r.Code).Sum(u => unit.Probabilities[u.Code]);
            var score = (fromRegister, fromUnits) switch
            {
                ({ } a, { } b) => (a + b) / 2,
                ({ } a, null) => a,
                (null, { } b) => b,
                _ => 0,
            };
            return (r.Code, Score: score);
        }).ToList();
        var best = scores.MaxBy(s => s.Score);
        notes["register"] = $"inferred by the classifier (p={Format(best.Score)})";
        var registerField = new ProposedField(best.Code, best.Score * ClassifierDiscount, null);

        var inRegister = units.Where(u => u.Register == best.Code).ToList();
        if (unit is null || inRegister.Count == 0)
        {
            return (registerField, ProposedField.Missing);
        }

        var total = inRegister.Sum(u => unit.Probabilities[u.Code]);
        var top = inRegister.MaxBy(u => unit.Probabilities[u.Code])!;
        var probability = total > 0 ? unit.Probabilities[top.Code] / total * best.Score : 0;
        notes["unit"] = $"inferred by the classifier (p={Format(probability)})";
        return (registerField, new ProposedField(top.Code, probability * ClassifierDiscount, null));
    }

    private static double Agree(double a, double b) => Math.Min(MaxAgreement, 1 - ((1 - a) * (1 - b)));

    private static string Format(double p) => p.ToString("0.00", CultureInfo.InvariantCulture);

    // "PP.01.1", "HK.07" — a code, a dot and digits — inside a number segment.
    [GeneratedRegex(@"(?<![A-Za-z])(?<code>[A-Z]{2,4})\.\d{1,2}")]
    private static partial Regex ArchiveSegment();
}
