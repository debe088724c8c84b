using System.Globalization;
using KpuTriage.Core.Review;

namespace KpuTriage.Web.Desk;

/// <summary>
/// The inbox filters as they travel in the query string, from the inbox to an item and back,
/// so next and previous walk the same filtered list. <see cref="At"/> is the item's position in it.
/// </summary>
public sealed class InboxFilter
{
    public const int PageSize = 50;

    public string? Status { get; set; }
    public string? Unit { get; set; }
    public string? Type { get; set; }
    public string? Urgency { get; set; }
    public string? Security { get; set; }
    public string? Source { get; set; }
    public bool Flagged { get; set; }
    public string? Q { get; set; }
    public int P { get; set; }
    public int At { get; set; }

    public InboxQuery Query() => new()
    {
        Status = Status,
        Unit = Unit,
        LetterType = Type,
        Urgency = Urgency,
        Security = Security,
        Source = Source,
        Flagged = Flagged,
        Search = Q,
        Skip = Math.Max(P, 0) * PageSize,
        Take = PageSize,
    };

    /// <summary>The filters as route values, with the page and position given.</summary>
    public Dictionary<string, string> RouteValues(int? page = null, int? at = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        Add("status", Status);
        Add("unit", Unit);
        Add("type", Type);
        Add("urgency", Urgency);
        Add("security", Security);
        Add("source", Source);
        Add("flagged", Flagged ? "true" : null);
        Add("q", Q);
        Add("p", (page ?? P) is > 0 and var p ? p.ToString(CultureInfo.InvariantCulture) : null);
        Add("at", at?.ToString(CultureInfo.InvariantCulture));
        return values;
    }

    public string QueryString(int? page = null, int? at = null) =>
        Microsoft.AspNetCore.Http.QueryString.Create(RouteValues(page, at).Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).ToString();
}
