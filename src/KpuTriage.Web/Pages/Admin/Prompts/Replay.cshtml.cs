using KpuTriage.Core.Prompts;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages.Admin.Prompts;

/// <summary>
/// One stored replay, for admins: each field's accuracy under the draft beside the active
/// version on the same letters, what each cost, and the letters where the two differ.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ReplayModel(PromptReplays replays) : PageModel
{
    public ReplayRun Run { get; private set; } = null!;
    public ReplayResult? Result { get; private set; }

    /// <summary>Letters on which the versions answered some field differently: what an admin reads to judge the draft.</summary>
    public IReadOnlyList<ReplayLetter> Differing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await replays.FindAsync(id, ct) is not { } run)
        {
            return NotFound();
        }

        Run = run;
        Result = run.Result();
        Differing = Result is null ? [] : [.. Result.Letters.Where(l => l.Fields.Any(f => f.Draft != f.Active))];
        return Page();
    }

    public static int? Correct(ReplayScores scores, string field) => scores.Fields.FirstOrDefault(f => f.Field == field)?.Correct;
}
