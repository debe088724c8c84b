using KpuTriage.Core.Persistence;
using KpuTriage.Core.Prompts;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages.Admin.Prompts;

/// <summary>The prompt versions, for admins: which is active, which are drafts, who made each and from which, and who changed what when.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(PromptVersions versions, TriageDb db) : PageModel
{
    public IReadOnlyList<PromptVersion> Versions { get; private set; } = [];
    public IReadOnlyList<PromptEvent> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Versions = await versions.ListAsync(ct);
        History = await PromptEvent.RecentAsync(db, 50, ct);
    }
}
