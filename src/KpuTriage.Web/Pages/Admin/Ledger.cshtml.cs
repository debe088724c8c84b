using KpuTriage.Core.Ledger;
using KpuTriage.Core.Persistence;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Pages.Admin;

/// <summary>The decision ledger, for admins: its head, the last checkpoint, and the last verification's result; verify now.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class LedgerModel(TriageDb db, LedgerAudit audit, IOptions<LedgerOptions> options, IStringLocalizer<SharedResource> text) : PageModel
{
    public string Office => options.Value.OfficeId;
    public string KeyPath => options.Value.KeyPath!;
    public LedgerHead? Head { get; private set; }
    public LedgerCheckpoint? LastCheckpoint { get; private set; }
    public int HeldCheckpoints { get; private set; }
    public LedgerVerification? LastVerification { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var office = Office;
        Head = await db.LedgerHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        LastCheckpoint = await db.LedgerCheckpoints.AsNoTracking().Where(c => c.Office == office && !c.Imported).OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(ct);
        HeldCheckpoints = await db.LedgerCheckpoints.CountAsync(c => c.Imported, ct);
        LastVerification = await audit.LatestAsync(ct);
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        var (result, _) = await audit.VerifyAsync(User.Identity!.Name!, ct);
        TempData["Notice"] = result.Ok ? text["ledger.verified-ok"].Value : text["ledger.verified-broken"].Value;
        return Redirect("/admin/ledger");
    }
}
