using System.Text.Json;
using KpuTriage.Core.Triage;

namespace KpuTriage.Core.Llm;

/// <summary>
/// Checks a model's answer against the schema and the taxonomy before anything of it is
/// used. A server that ignores the response format (some OpenAI-compatible ones do) or a
/// model cut off mid-answer gives text that does not fit: the letter then goes to a clerk
/// with the reason, and it is not asked again — a retry would cost as much and fail alike.
/// </summary>
public sealed class AnswerReader(Taxonomy taxonomy)
{
    public AnswerReading Read(string? content, string? finishReason)
    {
        if (string.Equals(finishReason, "length", StringComparison.OrdinalIgnoreCase))
        {
            return AnswerReading.DoesNotFit("the model's answer was cut off at the token limit (Llm:MaxAnswerTokens)");
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            return AnswerReading.DoesNotFit("the model gave an empty answer");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            return AnswerReading.DoesNotFit($"the model's answer is not valid JSON ({e.Message.Split('.')[0]})");
        }

        using (document)
        {
            try
            {
                return AnswerReading.Fits(Read(document.RootElement));
            }
            catch (UnfitAnswerException e)
            {
                return AnswerReading.DoesNotFit(e.Message);
            }
        }
    }

    private ModelAnswer Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new UnfitAnswerException("the model's answer is not a JSON object");
        }

        var fields = new Dictionary<string, AnsweredField>(StringComparer.Ordinal);
        foreach (var name in AnswerSchema.TextFields.Concat(AnswerSchema.CodedFields))
        {
            var field = Object(root, name);
            var value = NullableString(field, "value", name);
            if (value is not null && AnswerSchema.CodedFields.Contains(name) && !taxonomy.Allows(name, value))
            {
                throw new UnfitAnswerException($"the model answered {name} '{Clip(value)}', which is not a code of the taxonomy");
            }

            fields[name] = new AnsweredField(string.IsNullOrWhiteSpace(value) ? null : value.Trim(), NullableString(field, "quote", name), Confidence(field, name));
        }

        var disposition = Object(root, "dispositionActions");
        if (!disposition.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw new UnfitAnswerException("the model's dispositionActions has no list of values");
        }

        var actions = new List<string>();
        foreach (var action in values.EnumerateArray())
        {
            if (action.ValueKind != JsonValueKind.String || !AnswerSchema.Codes(taxonomy, "dispositionActions").Contains(action.GetString()))
            {
                throw new UnfitAnswerException($"the model answered disposition action '{Clip(action.ToString())}', which is not a code of the taxonomy");
            }

            actions.Add(action.GetString()!);
        }

        var summary = Object(root, "summary");
        return new ModelAnswer(
            fields, [.. actions.Distinct()], Confidence(disposition, "dispositionActions"),
            NullableString(summary, "value", "summary"), Confidence(summary, "summary"));
    }

    private static JsonElement Object(JsonElement root, string name) =>
        root.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.Object
            ? field
            : throw new UnfitAnswerException($"the model's answer has no object '{name}'");

    private static string? NullableString(JsonElement field, string property, string name) =>
        field.TryGetProperty(property, out var value) switch
        {
            false => throw new UnfitAnswerException($"the model's {name} has no '{property}'"),
            true when value.ValueKind == JsonValueKind.Null => null,
            true when value.ValueKind == JsonValueKind.String => value.GetString(),
            _ => throw new UnfitAnswerException($"the model's {name}.{property} is not text"),
        };

    private static double Confidence(JsonElement field, string name) =>
        field.TryGetProperty("confidence", out var value) && value.ValueKind == JsonValueKind.Number
            && value.GetDouble() is var confidence and >= 0 and <= 1
            ? confidence
            : throw new UnfitAnswerException($"the model's {name}.confidence is not a number from 0 to 1");

    // An injected letter may make the model echo long text: the reason a clerk reads stays short.
    private static string Clip(string value) => value.Length > 60 ? value[..60] + "…" : value;

    private sealed class UnfitAnswerException(string message) : Exception(message);
}
