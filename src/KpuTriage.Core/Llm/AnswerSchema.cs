using System.Text.Json.Nodes;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// The JSON schema of a model's answer, sent as a strict json_schema response format. Every
/// coded field is an enum of the taxonomy's codes (or null), so even a model talked into
/// obeying a letter cannot express a value outside the taxonomy; free-text fields carry the
/// quoted evidence. Strict mode wants every property required and no extra properties, so
/// "absent" is an explicit null.
/// </summary>
public static class AnswerSchema
{
    public const string Name = "letter_triage";

    /// <summary>Fields answered as free text with a quote: values the letter prints.</summary>
    public static IReadOnlyList<string> TextFields { get; } =
        ["letterNumber", "letterDate", "sender", "perihal", "deadline", "eventDate", "eventTime", "eventPlace"];

    /// <summary>Fields answered with one taxonomy code and a quote.</summary>
    public static IReadOnlyList<string> CodedFields { get; } =
        ["letterType", "urgency", "security", "register", "unit", "archiveCode"];

    public static IReadOnlyList<string> Codes(Taxonomy taxonomy, string field) => field switch
    {
        "letterType" => [.. taxonomy.LetterTypes.Select(t => t.Code)],
        "urgency" => taxonomy.UrgencyCodes,
        "security" => taxonomy.SecurityCodes,
        "register" => [.. taxonomy.Registers.Select(r => r.Code)],
        "unit" => [.. taxonomy.Units.Select(u => u.Code)],
        "archiveCode" => [.. taxonomy.ArchiveCodes.Select(a => a.Code)],
        "dispositionActions" => [.. taxonomy.DispositionActions.Select(a => a.Code)],
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a coded field"),
    };

    public static JsonObject Build(Taxonomy taxonomy)
    {
        var properties = new JsonObject();
        foreach (var field in TextFields)
        {
            properties[field] = Quoted(new JsonObject { ["type"] = Nullable("string") });
        }

        foreach (var field in CodedFields)
        {
            properties[field] = Quoted(new JsonObject { ["type"] = Nullable("string"), ["enum"] = Enum(Codes(taxonomy, field), withNull: true) });
        }

        properties["dispositionActions"] = Strict(new JsonObject
        {
            ["values"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["enum"] = Enum(Codes(taxonomy, "dispositionActions"), withNull: false) } },
            ["confidence"] = new JsonObject { ["type"] = "number" },
        });

        // The summary paraphrases, so it has no quote.
        properties["summary"] = Strict(new JsonObject
        {
            ["value"] = new JsonObject { ["type"] = Nullable("string") },
            ["confidence"] = new JsonObject { ["type"] = "number" },
        });
        return Strict(properties);
    }

    private static JsonObject Quoted(JsonObject value) => Strict(new JsonObject
    {
        ["value"] = value,
        ["quote"] = new JsonObject { ["type"] = Nullable("string") },
        ["confidence"] = new JsonObject { ["type"] = "number" },
    });

    private static JsonObject Strict(JsonObject properties) => new()
    {
        ["type"] = "object",
        ["additionalProperties"] = false,
        ["required"] = new JsonArray([.. properties.Select(p => (JsonNode)JsonValue.Create(p.Key))]),
        ["properties"] = properties,
    };

    private static JsonArray Nullable(string type) => [type, "null"];

    private static JsonArray Enum(IEnumerable<string> codes, bool withNull)
    {
        var values = new JsonArray([.. codes.Select(c => (JsonNode)JsonValue.Create(c))]);
        if (withNull)
        {
            values.Add(null);
        }

        return values;
    }
}
