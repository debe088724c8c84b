using System.Text.Json.Nodes;
using KpuTriage.Core.Ledger;

namespace KpuTriage.Tests.Ledger;

/// <summary>The canonical form ledger hashes are computed over (RFC 8785 for strings, integers, literals, objects and arrays).</summary>
public sealed class CanonicalJsonTests
{
    [Fact]
    public void Should_sort_members_by_utf16_code_units_and_drop_whitespace()
    {
        // RFC 8785 §3.2.3: "\u20ac" (€) sorts after "\r" and "1", before "\ud83d\ude00" (😀) and "ö" after "\u0080".
        var json = JsonNode.Parse("""{ "€": 1, "\r": 2, "😀": 3, "1": 4, "ö": 5, "b": [true, false, null] }""");

        var canonical = CanonicalJson.Serialize(json);

        Assert.Equal("{\"\\r\":2,\"1\":4,\"b\":[true,false,null],\"ö\":5,\"€\":1,\"😀\":3}", canonical);
    }

    [Fact]
    public void Should_escape_only_what_json_requires()
    {
        var canonical = CanonicalJson.Serialize(JsonValue.Create("a\"b\\c\n\t\u0001</script> é"));

        Assert.Equal("\"a\\\"b\\\\c\\n\\t\\u0001</script> é\"", canonical);
    }

    [Fact]
    public void Should_write_the_same_text_however_the_input_was_spaced_or_ordered()
    {
        var first = CanonicalJson.Normalize("""{"b": {"y": 2, "x": 1}, "a": "s"}""");
        var second = CanonicalJson.Normalize("""{"a":"s","b":{"x":1,"y":2}}""");

        Assert.Equal(first, second);
        Assert.Equal("""{"a":"s","b":{"x":1,"y":2}}""", first);
    }

    [Fact]
    public void Should_refuse_a_fractional_number_with_a_clear_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CanonicalJson.Normalize("""{"confidence": 0.75}"""));

        Assert.Contains("integers only", error.Message, StringComparison.Ordinal);
    }
}
