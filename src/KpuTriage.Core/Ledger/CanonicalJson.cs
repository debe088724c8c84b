using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// The canonical JSON of RFC 8785 (JCS) for the values a ledger entry holds: object members
/// sorted by their UTF-16 code units, no whitespace, strings escaped only where JSON requires,
/// integers as plain digits. Fractional numbers are refused: ES6 number formatting is the one
/// part of JCS that is easy to get subtly wrong, and the ledger never needs it (a confidence
/// is pinned through the hash of the proposal instead).
/// </summary>
public static class CanonicalJson
{
    public static string Serialize(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node);
        return text.ToString();
    }

    public static byte[] Utf8(JsonNode? node) => Encoding.UTF8.GetBytes(Serialize(node));

    /// <summary>Parses JSON text and writes it canonically: the form a stored payload is hashed in.</summary>
    public static string Normalize(string json) => Serialize(JsonNode.Parse(json));

    private static void Write(StringBuilder text, JsonNode? node)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                var first = true;
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    WriteString(text, name);
                    text.Append(':');
                    Write(text, value);
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Write(text, array[i]);
                }

                text.Append(']');
                break;
            case JsonValue value:
                WriteValue(text, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            case JsonValueKind.Number:
                text.Append(Integer(value).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException($"canonical JSON cannot hold a {value.GetValueKind()} value.");
        }
    }

    private static long Integer(JsonValue value)
    {
        if (value.TryGetValue<long>(out var whole))
        {
            return whole;
        }

        if (value.TryGetValue<int>(out var small))
        {
            return small;
        }

        if (value.TryGetValue<JsonElement>(out var element) && element.TryGetInt64(out var parsed))
        {
            return parsed;
        }

        throw new InvalidOperationException($"ledger JSON holds integers only, not {value.ToJsonString()}: write a fraction as a string.");
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
                    {
                        throw new InvalidOperationException("canonical JSON cannot hold a lone surrogate (text that is not valid Unicode).");
                    }
                    else
                    {
                        text.Append(c);
                        if (char.IsHighSurrogate(c))
                        {
                            text.Append(value[++i]);
                        }
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
