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

/// <summary>Accounts, for admins: create, change roles, reset a password, disable and enable.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(AccountService accounts, IStringLocalizer<SharedResource> text, RefusalText refusals) : PageModel
{
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    private string Me => User.Identity!.Name!;

    public async Task OnGetAsync(CancellationToken ct) => Users = await accounts.UsersAsync(ct);

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => ChangeAsync(
        async () => await accounts.CreateUserAsync(UserName ?? "", Password ?? "", Roles, Me, ct),
        text["users.created", UserName ?? ""], ct);

    public Task<IActionResult> OnPostRolesAsync(CancellationToken ct) => ChangeAsync(
        () => accounts.SetRolesAsync(UserName ?? "", Roles, Me, ct), text["users.saved", UserName ?? ""], ct);

    public Task<IActionResult> OnPostPasswordAsync(CancellationToken ct) => ChangeAsync(
        () => accounts.SetPasswordAsync(UserName ?? "", Password ?? "", Me, ct), text["users.saved", UserName ?? ""], ct);

    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) => ChangeAsync(
        () => accounts.SetDisabledAsync(UserName ?? "", true, Me, ct), text["users.saved", UserName ?? ""], ct);

    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) => ChangeAsync(
        () => accounts.SetDisabledAsync(UserName ?? "", false, Me, ct), text["users.saved", UserName ?? ""], ct);

    private async Task<IActionResult> ChangeAsync(Func<Task> change, string notice, CancellationToken ct)
    {
        try
        {
            await change();
            TempData["Notice"] = notice;
            return Redirect("/admin/users");
        }
        catch (RefusedException e)
        {
            Error = refusals.Show(e.Refusal);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            Error = text["users.exists", UserName ?? ""];
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Users = await accounts.UsersAsync(ct);
        return Page();
    }
}
