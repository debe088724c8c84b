using System.Globalization;
using System.Text.Json;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Review;

/// <summary>
/// The register values a decision commits: the proposal's values with the clerk's corrections
/// applied, checked against the taxonomy and the free-text limits, plus the diff that records
/// what the clerk changed.
/// </summary>
public sealed record FinalValues(IReadOnlyDictionary<string, string?> Values, string DiffJson)
{
    public static IReadOnlyList<string> FieldNames { get; } =
        ["letterNumber", "letterDate", "sender", "perihal", "urgency", "security", "letterType", "register", "unit", "archiveCode", "summary"];

    private static readonly string[] Required = ["sender", "perihal", "urgency", "security", "letterType"];

    public string? this[string field] => Values.GetValueOrDefault(field);

    /// <param name="limits">Review:MaxTextLength and Review:MaxSummaryLength; the defaults when not given.</param>
    /// <returns>The values, or an error a clerk can act on.</returns>
    public static (FinalValues? Values, Refusal? Error) Build(
        LetterFields? proposed, IReadOnlyDictionary<string, string?>? corrections, Taxonomy taxonomy, TextLimits? limits = null)
    {
        limits ??= TextLimits.Default;
        var proposedValues = (proposed ?? new LetterFields()).Named()
            .Where(f => FieldNames.Contains(f.Key))
            .ToDictionary(f => f.Key, f => f.Value.Value);
        var values = new Dictionary<string, string?>(proposedValues);
        foreach (var (field, value) in corrections ?? new Dictionary<string, string?>())
        {
            if (!FieldNames.Contains(field))
            {
                return (null, DecisionRefusals.UnknownField(field));
            }

            values[field] = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        // Before anything that quotes a value back, and whether the value came from the clerk
        // or from a proposal stored before proposals were bounded.
        foreach (var (field, value) in values)
        {
            if (limits.Problem(field, value) is { } problem)
            {
                return (null, problem);
            }
        }

        foreach (var field in Required.Where(f => values[f] is null))
        {
            return (null, DecisionRefusals.FieldRequired(field));
        }

        foreach (var (field, value) in values)
        {
            if (value is not null && !taxonomy.Allows(field, value))
            {
                return (null, DecisionRefusals.NotInTaxonomy(field, value));
            }
        }

        if (values["unit"] is { } unit && values["register"] is { } register
            && taxonomy.Units.FirstOrDefault(u => u.Code == unit) is { } entry && entry.Register != register)
        {
            return (null, DecisionRefusals.UnitOutsideRegister(unit, entry.Register, register));
        }

        if (values["letterDate"] is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return (null, DecisionRefusals.DateFormat("letterDate", date));
        }

        var diff = FieldNames
            .Where(f => proposedValues.GetValueOrDefault(f) != values[f])
            .ToDictionary(f => f, f => new { proposed = proposedValues.GetValueOrDefault(f), final = values[f] });
        return (new FinalValues(values, JsonSerializer.Serialize(diff)), null);
    }
}
