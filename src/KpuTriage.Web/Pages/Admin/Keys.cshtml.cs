using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KpuTriage.Web.Pages.Admin;

/// <summary>Integration keys, for admins: a new key is shown once, on the page that made it; keys are revoked, never deleted.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class KeysModel(AccountService accounts, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public string? NewKey { get; private set; }
    public string? Error { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await accounts.ApiKeysAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 100)
        {
            Error = text["keys.name-required"];
        }
        else
        {
            try
            {
                // Rendered on this response only (no redirect): the key is never stored in clear.
                NewKey = await accounts.CreateApiKeyAsync(Name.Trim(), null, ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                Error = text["keys.exists", Name];
            }
        }

        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Keys = await accounts.ApiKeysAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await accounts.RevokeApiKeyAsync(Name ?? "", ct);
        TempData["Notice"] = text["keys.revoked", Name ?? ""].Value;
        return Redirect("/admin/keys");
    }
}
