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
    public Dictionary<string, string> RouteValues(int? page = null, int? at = null) => QueryValues.Set(
        ("status", Status),
        ("unit", Unit),
        ("type", Type),
        ("urgency", Urgency),
        ("security", Security),
        ("source", Source),
        ("flagged", Flagged ? "true" : null),
        ("q", Q),
        ("p", (page ?? P) is > 0 and var p ? p.ToString(CultureInfo.InvariantCulture) : null),
        ("at", at?.ToString(CultureInfo.InvariantCulture)));

    public string QueryString(int? page = null, int? at = null) =>
        QueryValues.QueryString(RouteValues(page, at));
}
