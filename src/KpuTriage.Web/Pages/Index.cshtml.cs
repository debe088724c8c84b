using KpuTriage.Core.People;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages;

/// <summary>The desk's front door: each person lands where their work is.</summary>
[Authorize(Policy = Policies.Person)]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        Redirect(User.IsInRole(Roles.Clerk) || User.IsInRole(Roles.Supervisor) ? "/inbox" : "/admin/users");
}
