using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages;

/// <summary>Ends the desk session (a POST with the anti-forgery token, so no other site can sign a clerk out).</summary>
[Authorize(Policy = Policies.Person)]
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DeskCookie.Scheme);
        return Redirect("/login");
    }
}
