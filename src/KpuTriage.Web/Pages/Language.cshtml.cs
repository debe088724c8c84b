using System.Security.Claims;
using KpuTriage.Core.People;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages;

/// <summary>Switches the signed-in person's desk language (stored on the account) and returns to the page they were on.</summary>
[Authorize(Policy = Policies.Person)]
public sealed class LanguageModel(AccountService accounts) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken ct)
    {
        if (language is "id" or "en" && Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            await accounts.SetLanguageAsync(id, language, ct);
            var identity = new ClaimsIdentity(User.Claims.Where(c => c.Type != DeskCookie.LanguageClaim), DeskCookie.Scheme);
            identity.AddClaim(new Claim(DeskCookie.LanguageClaim, language));
            await HttpContext.SignInAsync(DeskCookie.Scheme, new ClaimsPrincipal(identity));
        }

        return LocalRedirect(DeskComposition.LocalUrl(returnUrl));
    }
}
