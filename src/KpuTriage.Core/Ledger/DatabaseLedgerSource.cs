using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Prompts;
using Microsoft.EntityFrameworkCore;

namespace KpuTriage.Core.Ledger;

/// <summary>
/// The office's own ledger, read from its database a page at a time, with each decision held
/// against the register record, the document, its text and its proposal as they are now.
/// </summary>
public sealed class DatabaseLedgerSource(TriageDb db) : ILedgerSource
{
    private const int PageSize = 500;
    private readonly HashSet<Guid> recordedRegisterEntries = [];
    private readonly PromptLedgerCheck prompts = new(db);

    // Each account's newest entry: what its roles and state must still be.
    private readonly Dictionary<Guid, (long Sequence, string Roles, bool Disabled)> accounts = [];

    public async IAsyncEnumerable<IReadOnlyList<LedgerEntry>> PagesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var after = long.MinValue;
        while (true)
        {
            var page = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            after = page[^1].Sequence;
        }
    }

    public async Task<long?> SequenceOfHashAsync(string hash, CancellationToken ct) =>
        await db.LedgerEntries.AsNoTracking().Where(e => e.Hash == hash).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<long, string>> RecordProblemsAsync(IReadOnlyList<LedgerEntry> page, CancellationToken ct)
    {
        foreach (var entry in page.Where(e => e.Kind == LedgerKinds.Account))
        {
            var account = JsonNode.Parse(entry.PayloadJson)!;
            if (Guid.TryParse((string?)account["userId"], out var userId))
            {
                accounts[userId] = (entry.Sequence, AccountPayload.RolesText(account["roles"]), (bool?)account["disabled"] ?? false);
            }
        }

        var decisions = page.Where(e => e.Kind == LedgerKinds.Decision)
            .Select(e => (Entry: e, Payload: JsonNode.Parse(e.PayloadJson)!.AsObject()))
            .ToList();
        var ids = decisions.Select(d => Guid.TryParse((string?)d.Payload["registerEntryId"], out var id) ? id : Guid.Empty).ToList();
        recordedRegisterEntries.UnionWith(ids);
        var records = await db.Register.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var documentIds = records.Values.Select(r => r.DocumentId).ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Sha256, ct);
        var texts = await db.DocumentTexts.AsNoTracking().Where(t => documentIds.Contains(t.DocumentId)).ToDictionaryAsync(t => t.DocumentId, t => t.PagesJson, ct);
        var proposalIds = records.Values.Where(r => r.ProposalId is not null).Select(r => r.ProposalId!.Value).ToList();
        var proposals = await db.Proposals.AsNoTracking().Where(p => proposalIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.Revision, p.FieldsJson }, ct);

        var problems = new Dictionary<long, string>();
        for (var i = 0; i < decisions.Count; i++)
        {
            var (entry, payload) = decisions[i];
            if (!records.TryGetValue(ids[i], out var record))
            {
                problems[entry.Sequence] = $"entry {entry.Sequence} records decision {entry.Subject}, but its register record {payload["registerEntryId"]} is gone from the database.";
                continue;
            }

            var proposal = record.ProposalId is { } proposalId ? proposals.GetValueOrDefault(proposalId) : null;
            var now = DecisionPayload.Build(
                record, documents.GetValueOrDefault(record.DocumentId) ?? "(document missing)",
                texts.GetValueOrDefault(record.DocumentId), proposal?.Revision, proposal?.FieldsJson);
            if (JsonDifference.First(payload, now) is { } difference)
            {
                problems[entry.Sequence] =
                    $"entry {entry.Sequence} (decision {entry.Subject}): {difference.Path} differs — the ledger holds {difference.Left}, the database now holds {difference.Right}.";
            }
        }

        await prompts.AddProblemsAsync(page, problems, ct);
        return problems;
    }

    public async Task<LedgerBreak?> AfterWalkAsync(LedgerEntry? last, CancellationToken ct)
    {
        var head = await db.LedgerHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        var lastSequence = last?.Sequence ?? 0;
        var lastHash = last?.Hash ?? LedgerEntry.Genesis;
        if (head is null)
        {
            return new LedgerBreak(null, "the ledger's head row is gone from the database.");
        }

        if (head.Sequence > lastSequence)
        {
            return new LedgerBreak(lastSequence + 1, $"entry {lastSequence + 1} is missing: the chain ends at entry {lastSequence}, but its head names entry {head.Sequence}.");
        }

        if (head.Sequence != lastSequence || head.Hash != lastHash)
        {
            return new LedgerBreak(lastSequence, $"the ledger's head (entry {head.Sequence}, hash {head.Hash}) does not match its last entry (entry {lastSequence}, hash {lastHash}).");
        }

        if (await AccountProblemAsync(ct) is { } account)
        {
            return account;
        }

        if (await prompts.AfterWalkAsync(ct) is { } prompt)
        {
            return prompt;
        }

        // A record committed without its entry (written around the ledger, or its entry removed with the head rewound).
        var unrecorded = await db.Register.AsNoTracking().OrderBy(r => r.DecidedAt).Select(r => new { r.Id, r.Year, r.AgendaNumber })
            .AsAsyncEnumerable().FirstOrDefaultAsync(r => !recordedRegisterEntries.Contains(r.Id), ct);
        return unrecorded is null
            ? null
            : new LedgerBreak(null, $"register record {unrecorded.AgendaNumber:D4}/{unrecorded.Year} has no ledger entry.");
    }

    /// <summary>An account whose roles or state changed around the ledger, or that has no entry at all.</summary>
    private async Task<LedgerBreak?> AccountProblemAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).Select(u => new { u.Id, u.UserName, u.Roles, u.Disabled }).ToListAsync(ct);
        foreach (var user in users)
        {
            var roles = AccountPayload.RolesText(user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (!accounts.TryGetValue(user.Id, out var recorded))
            {
                return new LedgerBreak(null, $"account {user.UserName} has no ledger entry: it was created around the ledger.");
            }

            if (recorded.Roles != roles || recorded.Disabled != user.Disabled)
            {
                return new LedgerBreak(recorded.Sequence,
                    $"entry {recorded.Sequence} (account {user.UserName}): the database now holds roles [{roles}]{(user.Disabled ? ", disabled" : "")}, the ledger's last entry for it holds roles [{recorded.Roles}]{(recorded.Disabled ? ", disabled" : "")}.");
            }
        }

        return null;
    }
}
