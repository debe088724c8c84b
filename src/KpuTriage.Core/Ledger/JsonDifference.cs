using System.Text.Json.Nodes;

namespace KpuTriage.Core.Ledger;

/// <summary>The first place two JSON values differ, as a dotted path and both values in canonical form.</summary>
public static class JsonDifference
{
    public static (string Path, string Left, string Right)? First(JsonNode? left, JsonNode? right, string path = "")
    {
        if (left is JsonObject a && right is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                if (First(a[key], b[key], path.Length == 0 ? key : $"{path}.{key}") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        if (left is JsonArray x && right is JsonArray y && x.Count == y.Count)
        {
            for (var i = 0; i < x.Count; i++)
            {
                if (First(x[i], y[i], $"{path}[{i}]") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        var (l, r) = (CanonicalJson.Serialize(left), CanonicalJson.Serialize(right));
        return l == r ? null : (path.Length == 0 ? "(whole payload)" : path, l, r);
    }
}
