using System.Text.Encodings.Web;
using KpuTriage.Core.Extraction;
using KpuTriage.Core.People;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Desk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Pages;

/// <summary>
/// One inbox item: the document beside the proposal, each field editable within the taxonomy,
/// the disposition, and the decisions. Opening it holds it for the clerk; deciding moves on to
/// the next item of the same filtered list. What this person may do (four eyes) comes from
/// Core's <see cref="FourEyesRule"/>, the rule the decision service enforces, and each decision
/// carries the version the page showed, so it is refused if the item changed meanwhile.
/// </summary>
[Authorize(Policy = Policies.Review)]
public sealed class ItemModel(
    ReviewInbox inbox, ReviewHolds holds, DecisionService decisions, FourEyesRule fourEyes, IOptions<ReviewOptions> review, Taxonomy taxonomy,
    TimeProvider clock, IStringLocalizer<SharedResource> text, RefusalText refusals)
    : PageModel
{
    /// <summary>The fields a clerk decides, in the order the form shows them.</summary>
    public static IReadOnlyList<string> Editable => FinalValues.FieldNames;

    /// <summary>What the parser read that the register does not keep: shown for context.</summary>
    public static IReadOnlyList<string> Context { get; } =
        ["sifatRaw", "lampiran", "addressee", "signerPosition", "signerName", "tembusan", "eventDate", "eventTime", "eventPlace", "deadline"];

    [BindProperty(SupportsGet = true)]
    public InboxFilter Filter { get; set; } = new();

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public List<string> Actions { get; set; } = [];

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? DispositionDeadline { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>The document's version when the page was shown.</summary>
    [BindProperty]
    public int? Version { get; set; }

    public DocumentView View { get; private set; } = null!;
    public LetterFields Fields { get; private set; } = new();
    public IReadOnlyList<string> Warnings { get; private set; } = [];
    public IReadOnlyList<ExtractedPage> Pages { get; private set; } = [];
    public PendingApproval? Pending { get; private set; }
    public string? HeldBy { get; private set; }
    public DateTimeOffset? HeldUntil { get; private set; }
    public string? Error { get; private set; }
    public DecisionRights Rights { get; private set; } = null!;
    public Taxonomy Taxonomy => taxonomy;
    public TextLimits Limits => review.Value.Limits();
    public string Me => User.Identity!.Name!;

    public bool Waiting => View.Item?.State is ReviewState.Open or ReviewState.AwaitingCoApproval;
    public bool AwaitingCoApproval => View.Item?.State == ReviewState.AwaitingCoApproval;
    public bool HeldByOther => HeldBy is not null && HeldBy != Me;
    public bool CanDecide => Waiting && !HeldByOther;

    /// <summary>Why this person may not co-approve, or null when they may.</summary>
    public string? CoApprovalBlocked => Rights.Approve is { } refusal ? refusals.Show(refusal) : null;

    /// <summary>Why this person may not reject or send back, or null when they may.</summary>
    public string? CloseBlocked => Rights.Close is { } refusal ? refusals.Show(refusal) : null;

    /// <summary>Before a first approval: the proposed security needs four eyes, so approving will not commit yet.</summary>
    public string? FourEyesNote => !AwaitingCoApproval && Rights.UnderFourEyes
        ? text["item.four-eyes-note", taxonomy.NameOf("security", ProposedSecurity) ?? "—"].Value
        : null;

    /// <summary>Before a first approval: choosing a lower security than proposed sends the letter to a supervisor.</summary>
    public string? LoweringNote => !AwaitingCoApproval && fourEyes.CanLower(ProposedSecurity)
        ? text["item.lowering-note", taxonomy.NameOf("security", ProposedSecurity)!].Value
        : null;

    /// <summary>For the co-approver: the first approval lowered the proposed security, which is why it waits for them.</summary>
    public string? LoweredNote =>
        AwaitingCoApproval && Pending?.Values.GetValueOrDefault("security") is { } pending
        && fourEyes.CoApprovalFor(ProposedSecurity, pending) == CoApprovalReason.SecurityLowered
            ? text["item.lowered-note", taxonomy.NameOf("security", ProposedSecurity)!, taxonomy.NameOf("security", pending)!].Value
            : null;

    private string? ProposedSecurity => Fields.Security.Value;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // Hold only what this person can decide: a first approver looking at their own approval
        // must not keep the co-approving supervisor out.
        if (Waiting && Rights.Approve is null)
        {
            (HeldBy, HeldUntil) = await holds.TryHoldAsync(id, Me, ct);
        }

        Values = Editable.ToDictionary(f => f, f => Pending is not null ? Pending.Values.GetValueOrDefault(f) : Proposed(f), StringComparer.Ordinal);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (AwaitingCoApproval)
        {
            return await DecideAsync(id, new DecisionRequest(DecisionRequest.Approve, Version: Version), ct);
        }

        // Only what the clerk changed is a correction; an unchanged form is a plain approval.
        var corrections = Editable.Where(Values.ContainsKey)
            .Where(f => Normal(Values[f]) != Normal(Proposed(f)))
            .ToDictionary(f => f, f => Normal(Values[f]), StringComparer.Ordinal);
        var disposition = new Disposition(Actions, Note, DispositionDeadline);
        var request = corrections.Count == 0
            ? new DecisionRequest(DecisionRequest.Approve, Disposition: disposition, Version: Version)
            : new DecisionRequest(DecisionRequest.ApproveWithCorrections, corrections, Disposition: disposition, Version: Version);
        return await DecideAsync(id, request, ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? await DecideAsync(id, new DecisionRequest(DecisionRequest.Reject, Reason: Normal(Reason) ?? text["item.not-a-letter"].Value, Version: Version), ct) : NotFound();

    public async Task<IActionResult> OnPostSendBackAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? await DecideAsync(id, new DecisionRequest(DecisionRequest.SendBack, Version: Version), ct) : NotFound();

    /// <summary>The field's warnings: the engine's notes say where parser and classifier disagree, with both values.</summary>
    public IEnumerable<string> WarningsFor(string field) =>
        Warnings.Where(w => w.StartsWith(field + ":", StringComparison.Ordinal)).Select(w => w[(field.Length + 1)..].Trim());

    /// <summary>Where the model and the parser read this field differently: both readings, for the clerk to choose.</summary>
    public FieldDisagreement? Disagreement(string field) =>
        (disagreements ??= View.Proposal?.Disagreements() ?? []).FirstOrDefault(d => d.Field == field);

    private IReadOnlyList<FieldDisagreement>? disagreements;

    public ProposedField Proposal(string field) => Fields.Named().First(f => f.Key == field).Value;

    public IReadOnlyList<(string Code, string Name)>? Options(string field) => field switch
    {
        "letterType" => [.. taxonomy.LetterTypes.Select(t => (t.Code, t.Name))],
        "urgency" => [.. taxonomy.UrgencyClasses.Select(c => (c.Code, c.Name))],
        "security" => [.. taxonomy.SecurityClasses.Select(c => (c.Code, c.Name))],
        "register" => [.. taxonomy.Registers.Select(c => (c.Code, c.Name))],
        "unit" => [.. taxonomy.Units.Select(u => (u.Code, $"{u.Name} ({u.Register})"))],
        "archiveCode" => [.. taxonomy.ArchiveCodes.Select(c => (c.Code, $"{c.Code} — {c.Name}"))],
        _ => null,
    };

    /// <summary>
    /// The page's text with each field's evidence in a &lt;mark&gt;. Built here rather than in
    /// markup so no whitespace creeps into the &lt;pre&gt;; every run of letter text is
    /// HTML-encoded by the builder, only the marks are markup.
    /// </summary>
    public IHtmlContent LetterHtml(ExtractedPage page)
    {
        var html = new HtmlContentBuilder();
        var runs = EvidenceText.Runs(
            page.Text ?? "",
            Fields.Named().Where(f => f.Value.Evidence is { } e && e.Page == page.Number)
                .Select(f => (f.Key, f.Value.Evidence!.Start, f.Value.Evidence.Length)));
        foreach (var run in runs)
        {
            if (run.Field is null)
            {
                html.Append(run.Text);
                continue;
            }

            var id = HtmlEncoder.Default.Encode("ev-" + run.Field);
            var title = HtmlEncoder.Default.Encode(text["field." + run.Field].Value);
            html.AppendHtml($"<mark id=\"{id}\" title=\"{title}\">").Append(run.Text).AppendHtml("</mark>");
        }

        return html;
    }

    private async Task<IActionResult> DecideAsync(Guid id, DecisionRequest request, CancellationToken ct)
    {
        var outcome = await decisions.DecideAsync(id, request, new Decider(Me, User.IsInRole(Roles.Supervisor)), ct);
        string? notice = outcome.Result switch
        {
            DecisionResult.Committed => text["item.committed", outcome.Entry!.AgendaLabel].Value,
            DecisionResult.Rejected => text["item.rejected"].Value,
            DecisionResult.AwaitingCoApproval when outcome.Waits == CoApprovalReason.SecurityLowered => text["item.awaiting-co-approval-lowered"].Value,
            DecisionResult.AwaitingCoApproval => text["item.awaiting-co-approval"].Value,
            DecisionResult.SentBack => text["item.sent-back"].Value,
            _ => null,
        };
        if (notice is not null)
        {
            TempData["Notice"] = notice;
            // The decided item has left the list, so the next one now stands at the same position.
            return Redirect($"/inbox{Filter.QueryString(page: 0, at: Filter.At)}&handler=Next");
        }

        Error = outcome.Refusal is { } refusal ? refusals.Show(refusal) : null;
        Response.StatusCode = outcome.Result switch
        {
            DecisionResult.Invalid => StatusCodes.Status400BadRequest,
            DecisionResult.NotAllowed => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        await LoadAsync(id, ct);
        HeldBy = View.Item?.HeldBy;
        HeldUntil = View.Item?.HeldUntil;
        if (Values.Count == 0)
        {
            Values = Editable.ToDictionary(f => f, f => Pending is not null ? Pending.Values.GetValueOrDefault(f) : Proposed(f), StringComparer.Ordinal);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await inbox.FindAsync(id, ct) is not { Item: not null } view)
        {
            return false;
        }

        View = view;
        var proposal = view.Item.ProposalId is { } proposalId && view.Proposal?.Id == proposalId ? view.Proposal : null;
        Fields = proposal?.Fields() ?? new LetterFields();
        Warnings = proposal?.Warnings() ?? [];
        Pages = view.Text?.Pages() ?? [];
        Pending = PendingApproval.FromJson(view.Item.PendingApprovalJson);
        Rights = fourEyes.RightsOf(view.Item, Fields.Security.Value, new Decider(Me, User.IsInRole(Roles.Supervisor)));
        var now = clock.GetUtcNow();
        if (view.Item.HeldUntil > now)
        {
            (HeldBy, HeldUntil) = (view.Item.HeldBy, view.Item.HeldUntil);
        }

        return true;
    }

    private string? Proposed(string field) => Proposal(field).Value;

    private static string? Normal(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
