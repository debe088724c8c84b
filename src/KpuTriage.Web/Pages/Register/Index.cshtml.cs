using KpuTriage.Core.Register;
using KpuTriage.Core.Triage;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages.Register;

/// <summary>The buku agenda: committed records, newest first, with search, filters and the export links.</summary>
[Authorize(Policy = Policies.Review)]
public sealed class IndexModel(RegisterSearch register, Taxonomy taxonomy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RegisterFilter Filter { get; set; } = new();

    public IReadOnlyList<RegisterEntry> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public Taxonomy Taxonomy => taxonomy;

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Total, Entries) = await register.ListAsync(Filter.Query(), ct);
        Years = await register.YearsAsync(ct);
    }

    public string ExportLink(string format)
    {
        var values = Filter.RouteValues(page: 0);
        values["format"] = format;
        return "/register/export" + QueryValues.QueryString(values);
    }

    public string PageLink(int page) =>
        "/register" + QueryValues.QueryString(Filter.RouteValues(page));
}
