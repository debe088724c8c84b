namespace KpuTriage.Web.Desk;

/// <summary>A page's filters as query-string values: only those set, so links stay short and an empty filter is no filter.</summary>
public static class QueryValues
{
    public static Dictionary<string, string> Set(params (string Key, string? Value)[] values) =>
        values.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal);

    /// <summary>"?key=value&amp;…", escaped; empty when there are none.</summary>
    public static string QueryString(IReadOnlyDictionary<string, string> values) =>
        Microsoft.AspNetCore.Http.QueryString.Create(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).ToString();
}
