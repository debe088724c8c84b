using KpuTriage.Core.Llm;
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
/// An admin edits a version's prompts or taxonomy; saving makes a new immutable draft with its
/// diff against the version edited. Nothing the model is sent changes until another admin promotes it.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(PromptVersions versions, IStringLocalizer<SharedResource> text, RefusalText refusals) : PageModel
{
    public int Number { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The llm/ files' paths, in the order of <see cref="Texts"/>.</summary>
    [BindProperty]
    public List<string> Paths { get; set; } = [];

    [BindProperty]
    public List<string> Texts { get; set; } = [];

    [BindProperty]
    public string Taxonomy { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        if (await versions.FindAsync(number, ct) is not { } version)
        {
            return NotFound();
        }

        Number = number;
        var files = version.Files();
        Paths = [.. files.LlmFiles.Keys];
        Texts = [.. files.LlmFiles.Values];
        Taxonomy = files.Taxonomy;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int number, CancellationToken ct)
    {
        Number = number;
        try
        {
            if (Paths.Count != Texts.Count)
            {
                return BadRequest();
            }

            var files = new PromptFiles(Paths.Zip(Texts).ToDictionary(f => f.First, f => Lines(f.Second), StringComparer.Ordinal), Lines(Taxonomy));
            var draft = await versions.CreateDraftAsync(number, files, User.Identity!.Name!, ct);
            TempData["Notice"] = text["prompts.draft-made", draft.Number].Value;
            return Redirect($"/admin/prompts/{draft.Number}");
        }
        catch (RefusedException e)
        {
            Error = refusals.Show(e.Refusal);
        }
        catch (ArgumentException)
        {
            // A path that is not a prompt file: only a hand-made form sends one.
            return BadRequest();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Browsers send a textarea's line breaks as CRLF; the files hold LF, and the same text must hash the same.</summary>
    private static string Lines(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
}
