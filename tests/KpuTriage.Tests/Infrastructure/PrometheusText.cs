using System.Globalization;

namespace KpuTriage.Tests.Infrastructure;

/// <summary>Reads one sample from a Prometheus text exposition, as a scraper would.</summary>
internal static class PrometheusText
{
    /// <summary>The value of <paramref name="metric"/> whose labels include all of <paramref name="labels"/> (name=value); null when no such sample.</summary>
    public static double? Sample(string exposition, string metric, params string[] labels)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(metric + "{", StringComparison.Ordinal) && !line.StartsWith(metric + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var close = line.IndexOf('}', StringComparison.Ordinal);
            var labelText = close < 0 ? "" : line[(metric.Length + 1)..close];
            if (labels.All(l => labelText.Split(',').Contains(l.Split('=')[0] + "=\"" + l.Split('=')[1] + "\"")))
            {
                var value = line[((close < 0 ? metric.Length : close) + 1)..].Trim().Split(' ')[0];
                return double.Parse(value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
