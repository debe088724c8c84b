using System.Text.Json;
using KpuTriage.Core.Register;
using KpuTriage.Core.Review;
using KpuTriage.Core.Triage;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KpuTriage.Web.Pages.Register;

/// <summary>One record and its history: received, each proposal the machine made, the final values against the proposal, who decided and when.</summary>
[Authorize(Policy = Policies.Review)]
public sealed class RecordModel(RegisterSearch register, Taxonomy taxonomy) : PageModel
{
    public RegisterRecord Record { get; private set; } = null!;
    public LetterFields Proposed { get; private set; } = new();
    public IReadOnlySet<string> Corrected { get; private set; } = new HashSet<string>();
    public Taxonomy Taxonomy => taxonomy;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await register.RecordAsync(id, ct) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        var proposal = record.Proposals.FirstOrDefault(p => p.Id == record.Entry.ProposalId) ?? (record.Proposals.Count > 0 ? record.Proposals[^1] : null);
        Proposed = proposal?.Fields() ?? new LetterFields();
        using var diff = JsonDocument.Parse(record.Entry.DiffJson);
        Corrected = diff.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return Page();
    }

    public string? Final(string field) => Record.Entry.Value(field);

    public static IReadOnlyList<string> FieldNames => FinalValues.FieldNames;

    public string? ProposedValue(string field) => Proposed.Named().FirstOrDefault(f => f.Key == field).Value?.Value;

    /// <summary>A value as a person reads it: the office's name of a code, but an archive code as the code itself.</summary>
    public string? Shown(string field, string? value) => field == "archiveCode" ? value : Taxonomy.NameOf(field, value);
}
