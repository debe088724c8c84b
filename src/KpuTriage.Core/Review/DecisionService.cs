using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Core.Register;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Review;

/// <summary>
/// Takes a clerk's decision. Approving commits the register entry with the next agenda number
/// of the year and announces <see cref="DocumentCommitted"/>; rejecting closes the item. The
/// document's version token makes a second decision on the same item lose, never double-commit.
/// </summary>
public sealed class DecisionService(TriageDb db, Taxonomy taxonomy, Handoff handoff, IOptions<RegisterOptions> options, TimeProvider clock)
{
    private const int AgendaNumberAttempts = 8;

    public async Task<DecisionOutcome> DecideAsync(Guid documentId, DecisionRequest request, string decidedBy, CancellationToken ct)
    {
        if (request.Action is not (DecisionRequest.Approve or DecisionRequest.ApproveWithCorrections or DecisionRequest.Reject))
        {
            return new(DecisionResult.Invalid, Error: $"action must be '{DecisionRequest.Approve}', '{DecisionRequest.ApproveWithCorrections}' or '{DecisionRequest.Reject}'.");
        }

        if (request.Action == DecisionRequest.Approve && request.Corrections is { Count: > 0 })
        {
            return new(DecisionResult.Invalid, Error: $"corrections need action '{DecisionRequest.ApproveWithCorrections}'.");
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, ct);
            var item = await db.ReviewItems.FirstOrDefaultAsync(r => r.DocumentId == documentId, ct);
            if (document is null || item is null)
            {
                return new(DecisionResult.NotFound, Error: "no inbox item for this document.");
            }

            if (item.State != ReviewState.Open || document.Status is not (DocumentStatus.InReview or DocumentStatus.ManualTriage))
            {
                return new(DecisionResult.AlreadyDecided, Error: $"this document is already {document.Status.ToWire()}.");
            }

            var now = clock.GetUtcNow();
            item.DecidedBy = decidedBy;
            item.DecidedAt = now;
            if (request.Action == DecisionRequest.Reject)
            {
                item.State = ReviewState.Rejected;
                item.RejectionReason = request.Reason;
                document.MoveTo(DocumentStatus.Rejected, now, request.Reason);
                return await db.SaveWinningAsync(ct)
                    ? new(DecisionResult.Rejected)
                    : new(DecisionResult.AlreadyDecided, Error: "someone else decided this item first.");
            }

            var proposal = item.ProposalId is { } proposalId ? await db.Proposals.AsNoTracking().FirstAsync(p => p.Id == proposalId, ct) : null;
            var (final, error) = FinalValues.Build(proposal?.Fields(), request.Corrections, taxonomy);
            if (final is null)
            {
                return new(DecisionResult.Invalid, Error: error);
            }

            var year = TimeZoneInfo.ConvertTime(document.ReceivedAt, options.Value.Zone()).Year;
            var last = await db.Register.Where(e => e.Year == year).MaxAsync(e => (int?)e.AgendaNumber, ct) ?? 0;
            var entry = NewEntry(document, proposal, final, year, last + 1, decidedBy, now);
            db.Register.Add(entry);
            item.State = ReviewState.Committed;
            document.MoveTo(DocumentStatus.Committed, now, publishPending: true);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new(DecisionResult.AlreadyDecided, Error: "someone else decided this item first.");
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < AgendaNumberAttempts)
            {
                continue; // Another commit took this agenda number; take the next one.
            }

            await handoff.PublishAsync(document, Announcement(document, entry), ct);
            return new(DecisionResult.Committed, entry);
        }
    }

    public static DocumentCommitted Announcement(Document document, RegisterEntry entry) => new(
        document.Id, document.Source, document.ExternalId, entry.AgendaLabel, entry.LetterNumber, entry.LetterDate,
        entry.Sender, entry.Perihal, entry.Urgency, entry.Security, entry.LetterType, entry.DecidedBy, entry.DecidedAt,
        entry.Register, entry.Unit, entry.ArchiveCode);

    private static RegisterEntry NewEntry(Document document, Proposal? proposal, FinalValues final, int year, int number, string decidedBy, DateTimeOffset now) => new()
    {
        DocumentId = document.Id,
        Year = year,
        AgendaNumber = number,
        LetterNumber = final["letterNumber"],
        LetterDate = final["letterDate"],
        Sender = final["sender"]!,
        Perihal = final["perihal"]!,
        Urgency = final["urgency"]!,
        Security = final["security"]!,
        LetterType = final["letterType"]!,
        Register = final["register"],
        Unit = final["unit"],
        ArchiveCode = final["archiveCode"],
        Summary = final["summary"],
        ProposalId = proposal?.Id,
        Engine = proposal?.Engine,
        Model = proposal?.Model,
        PromptVersion = proposal?.PromptVersion,
        DiffJson = final.DiffJson,
        DecidedBy = decidedBy,
        DecidedAt = now,
    };
}
