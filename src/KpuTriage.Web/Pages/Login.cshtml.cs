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

/// <summary>
/// Sign-in with a local account (rate-limited per address, throttled per account: 429 with
/// the reason), or through the office's identity provider when configured.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInLimit.Policy)]
public sealed class LoginModel(PasswordSignIn signIn, IOptions<OidcOptions> oidc, IStringLocalizer<SharedResource> text, RefusalText refusals) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public string? Oidc => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    public void OnGet(string? sso)
    {
        if (sso == "failed")
        {
            Error = text["login.sso-failed"];
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = string.IsNullOrEmpty(UserName) || string.IsNullOrEmpty(Password) ? SignInOutcome.Failed : await signIn.SignInAsync(UserName, Password, ct);
        if (result.RetryAfter is { } retryAfter)
        {
            Error = refusals.Show(SignInThrottle.Refusal(HttpContext, retryAfter));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (result.User is not { } user)
        {
            Error = text["login.failed"];
            return Page();
        }

        await HttpContext.SignInAsync(DeskCookie.Scheme, DeskCookie.Principal(user, DeskCookie.Scheme));
        return LocalRedirect(DeskComposition.LocalUrl(ReturnUrl));
    }
}
