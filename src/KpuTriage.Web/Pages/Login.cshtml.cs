using KpuTriage.Core.People;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Pages;

/// <summary>Sign-in with a local account (rate-limited per address), or through the office's identity provider when configured.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInLimit.Policy)]
public sealed class LoginModel(AccountService accounts, IOptions<OidcOptions> oidc, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public string? Oidc => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(UserName) || string.IsNullOrEmpty(Password) ? null : await accounts.SignInAsync(UserName, Password, ct);
        if (user is null)
        {
            Error = text["login.failed"];
            return Page();
        }

        await HttpContext.SignInAsync(DeskCookie.Scheme, DeskCookie.Principal(user, DeskCookie.Scheme));
        return LocalRedirect(DeskComposition.LocalUrl(ReturnUrl));
    }
}
