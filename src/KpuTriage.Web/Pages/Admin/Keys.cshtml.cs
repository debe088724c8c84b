using KpuTriage.Core.People;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Refusals;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KpuTriage.Web.Pages.Admin;

/// <summary>
/// Integration keys, for admins: a new key is shown once, on the page that made it; keys are
/// revoked, never deleted. A key acts as its name and the further sources given when it is made.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class KeysModel(IntegrationKeys keys, IStringLocalizer<SharedResource> text, RefusalText refusals) : PageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IssuedKey? NewKey { get; private set; }
    public string? Error { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Further sources, separated by commas or lines.</summary>
    [BindProperty]
    public string? Sources { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            Error = text["keys.name-required"];
        }
        else
        {
            try
            {
                // Rendered on this response only (no redirect): the key is never stored in clear.
                NewKey = await keys.CreateAsync(Name, (Sources ?? "").Split([',', '\n']), null, ct);
            }
            catch (RefusedException e)
            {
                Error = refusals.Show(e.Refusal);
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

        Keys = await keys.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await keys.RevokeAsync(Name ?? "", ct);
        TempData["Notice"] = text["keys.revoked", Name ?? ""].Value;
        return Redirect("/admin/keys");
    }
}
