using KpuTriage.Core.Persistence;
using KpuTriage.Core.Prompts;
using KpuTriage.Core.Refusals;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace KpuTriage.Web.Pages.Admin.Prompts;

/// <summary>
/// One prompt version, for admins: its text and its diff against the version it was edited
/// from, and what can be done with it — edit it into a new draft, run it in shadow, roll back to it.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class VersionModel(
    PromptVersions versions, PromptReplays replays, TriageDb db, IStringLocalizer<SharedResource> text, RefusalText refusals) : PageModel
{
    /// <summary>What the replay form offers first: enough decisions to move a share by a few points, few enough to be cheap.</summary>
    public const int DefaultGoldSize = 50;

    public PromptVersion Version { get; private set; } = null!;
    public IReadOnlyList<ReplayRun> Replays { get; private set; } = [];

    [BindProperty]
    public int GoldSize { get; set; } = DefaultGoldSize;
    public PromptVersion? Active { get; private set; }
    public ShadowReport? Shadow { get; private set; }
    public string? Error { get; private set; }

    private string Me => User.Identity!.Name!;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct) =>
        await LoadAsync(number, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostReplayAsync(int number, CancellationToken ct) => ActAsync(number,
        async () => await replays.RequestAsync(number, GoldSize, Me, ct), text["prompts.replay-queued", number], ct);

    public Task<IActionResult> OnPostPromoteAsync(int number, CancellationToken ct) => ActAsync(number,
        async () => await versions.PromoteAsync(number, Me, ct), text["prompts.promoted", number], ct);

    public Task<IActionResult> OnPostShadowAsync(int number, CancellationToken ct) => ActAsync(number,
        async () => await versions.StartShadowAsync(number, Me, ct), text["prompts.shadow-started", number], ct);

    public Task<IActionResult> OnPostStopShadowAsync(int number, CancellationToken ct) => ActAsync(number,
        () => versions.StopShadowAsync(number, ct), text["prompts.shadow-stopped", number], ct);

    public Task<IActionResult> OnPostRollBackAsync(int number, CancellationToken ct) => ActAsync(number,
        async () => await versions.RollBackAsync(number, Me, ct), text["prompts.rolled-back", number], ct);

    private async Task<IActionResult> ActAsync(int number, Func<Task> act, string notice, CancellationToken ct)
    {
        try
        {
            await act();
            TempData["Notice"] = notice;
            return Redirect($"/admin/prompts/{number}");
        }
        catch (RefusedException e)
        {
            Error = refusals.Show(e.Refusal);
        }

        if (!await LoadAsync(number, ct))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int number, CancellationToken ct)
    {
        if (await versions.FindAsync(number, ct) is not { } version)
        {
            return false;
        }

        Version = version;
        Active = await versions.ActiveAsync(ct);
        Replays = await replays.ForVersionAsync(number, ct);
        var shadow = await ShadowScores.ForAsync(db, number, ct);
        Shadow = shadow.Proposed > 0 || version.ShadowSince is not null ? shadow : null;
        return true;
    }
}
