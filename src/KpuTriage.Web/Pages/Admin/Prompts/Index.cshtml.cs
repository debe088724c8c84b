using KpuTriage.Core.Prompts;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages.Admin.Prompts;

/// <summary>The prompt versions, for admins: which is active, which are drafts, who made each and from which.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(PromptVersions versions) : PageModel
{
    public IReadOnlyList<PromptVersion> Versions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Versions = await versions.ListAsync(ct);
}
