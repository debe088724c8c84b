using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages;

/// <summary>Where a signed-in person lands on a page their role does not open.</summary>
[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
