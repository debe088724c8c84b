using System.Globalization;
using KpuTriage.Core.Register;

namespace KpuTriage.Web.Desk;

/// <summary>The register page's filters as they travel in the query string (also to the export links).</summary>
public sealed class RegisterFilter
{
    public const int PageSize = 50;

    public string? Q { get; set; }
    public int? Year { get; set; }
    public string? Register { get; set; }
    public string? Unit { get; set; }
    public string? Type { get; set; }
    public string? Urgency { get; set; }
    public string? Security { get; set; }
    public int P { get; set; }

    public RegisterQuery Query() => new()
    {
        Search = Q,
        Year = Year,
        Register = Register,
        Unit = Unit,
        LetterType = Type,
        Urgency = Urgency,
        Security = Security,
        Skip = Math.Max(P, 0) * PageSize,
        Take = PageSize,
    };

    public static RegisterFilter FromQuery(IQueryCollection query) => new()
    {
        Q = query["q"],
        Year = int.TryParse(query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null,
        Register = query["register"],
        Unit = query["unit"],
        Type = query["type"],
        Urgency = query["urgency"],
        Security = query["security"],
    };

    public Dictionary<string, string> RouteValues(int? page = null) => QueryValues.Set(
        ("q", Q),
        ("year", Year?.ToString(CultureInfo.InvariantCulture)),
        ("register", Register),
        ("unit", Unit),
        ("type", Type),
        ("urgency", Urgency),
        ("security", Security),
        ("p", (page ?? P) is > 0 and var p ? p.ToString(CultureInfo.InvariantCulture) : null));
}
