using KpuTriage.Core.People;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages;

/// <summary>
/// "Keluar dari semua perangkat": ends every desk session and bearer token of the signed-in
/// person, on every device (a new security stamp), then this one. A POST with the
/// anti-forgery token, like signing out.
/// </summary>
[Authorize(Policy = Policies.Person)]
public sealed class SignOutEverywhereModel(AccountService accounts) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = User.Identity!.Name!;
        await accounts.SignOutEverywhereAsync(me, me, ct);

        await HttpContext.SignOutAsync(DeskCookie.Scheme);
        return Redirect("/login");
    }
}
