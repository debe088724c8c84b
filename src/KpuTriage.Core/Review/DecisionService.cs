using KpuTriage.Core.Documents;
using KpuTriage.Core.Ledger;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Register;
using KpuTriage.Core.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Review;

/// <summary>
/// Takes a clerk's decision. Approving commits the register entry with the next agenda number
/// of the year and announces <see cref="DocumentCommitted"/> — unless the four-eyes rule
/// (<see cref="FourEyesRule"/>) asks for a supervisor's co-approval first, which this class
/// enforces, as it enforces who may reject or send back a letter under four eyes. Rejecting
/// closes the item; sending back asks the engine for a new proposal. Free text is held to
/// Review:MaxTextLength/MaxSummaryLength. The document's version token makes a second decision
/// on the same item lose, never double-commit, and a decision made on a version its decider
/// no longer sees is refused; an item someone else holds cannot be decided until they let it
/// go. A commit appends its decision to the <see cref="DecisionLedger"/> in the same transaction.
/// </summary>
public sealed class DecisionService(
    TriageDb db, Taxonomy taxonomy, FourEyesRule fourEyes, Handoff handoff, DecisionLedger ledger,
    IOptions<RegisterOptions> options, IOptions<ReviewOptions> review, TimeProvider clock, StageCounters counters)
{
    private const int AgendaNumberAttempts = 8;

    public async Task<DecisionOutcome> DecideAsync(Guid documentId, DecisionRequest request, Decider decider, CancellationToken ct)
    {
        if (request.Action is not (DecisionRequest.Approve or DecisionRequest.ApproveWithCorrections or DecisionRequest.Reject or DecisionRequest.SendBack))
        {
            return new(DecisionResult.Invalid, Refusal: DecisionRefusals.UnknownAction());
        }

        if (request.Action == DecisionRequest.Approve && request.Corrections is { Count: > 0 })
        {
            return new(DecisionResult.Invalid, Refusal: DecisionRefusals.CorrectionsNeedAction());
        }

        var limits = review.Value.Limits();
        if (request.Action == DecisionRequest.Reject && limits.Problem("reason", request.Reason) is { } reasonProblem)
        {
            return new(DecisionResult.Invalid, Refusal: reasonProblem);
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, ct);
            var item = await db.ReviewItems.FirstOrDefaultAsync(r => r.DocumentId == documentId, ct);
            if (document is null || item is null)
            {
                return new(DecisionResult.NotFound, Refusal: DecisionRefusals.NoItem());
            }

            if (item.State is not (ReviewState.Open or ReviewState.AwaitingCoApproval)
                || document.Status is not (DocumentStatus.InReview or DocumentStatus.ManualTriage))
            {
                return new(DecisionResult.AlreadyDecided, Refusal: DecisionRefusals.AlreadyDecided(document.Status.ToWire()));
            }

            var now = clock.GetUtcNow();
            if (ReviewHolds.HeldByOther(item, decider.Name, now))
            {
                return new(DecisionResult.Held, Refusal: DecisionRefusals.HeldByOther(item.HeldBy!, item.HeldUntil!.Value));
            }

            if (request.Version is { } seen && seen != document.Version)
            {
                return new(DecisionResult.Changed, Refusal: DecisionRefusals.ItemChanged());
            }

            var proposal = item.ProposalId is { } proposalId ? await db.Proposals.AsNoTracking().FirstAsync(p => p.Id == proposalId, ct) : null;
            var proposedSecurity = proposal?.Fields().Security.Value;
            var rights = fourEyes.RightsOf(item, proposedSecurity, decider);
            switch (request.Action)
            {
                case DecisionRequest.Reject or DecisionRequest.SendBack when rights.Close is { } refusal:
                    return new(DecisionResult.NotAllowed, Refusal: refusal);
                case DecisionRequest.Reject:
                    return await RejectAsync(document, item, request.Reason, decider, now, ct);
                case DecisionRequest.SendBack:
                    return await SendBackAsync(document, item, decider, now, ct);
            }

            DecisionOutcome? outcome;
            if (rights.CoApproving)
            {
                if (rights.Approve is { } notAllowed)
                {
                    return new(DecisionResult.NotAllowed, Refusal: notAllowed);
                }

                // The supervisor signs what the first approver chose, nothing of their own.
                if (request.Action == DecisionRequest.ApproveWithCorrections || request.Disposition is { IsEmpty: false })
                {
                    return new(DecisionResult.Invalid, Refusal: rights.Correct);
                }

                outcome = await CoApproveAsync(document, item, proposal, decider, now, attempt, ct);
            }
            else
            {
                var (final, error) = FinalValues.Build(proposal?.Fields(), request.Corrections, taxonomy, limits);
                var (disposition, dispositionError) = (request.Disposition ?? new Disposition()).Checked(taxonomy, limits);
                if (final is null || disposition is null)
                {
                    return new(DecisionResult.Invalid, Refusal: error ?? dispositionError);
                }

                var approval = new PendingApproval(new Dictionary<string, string?>(final.Values), final.DiffJson, disposition);
                if (fourEyes.CoApprovalFor(proposedSecurity, final["security"]) is { } reason)
                {
                    return await AwaitCoApprovalAsync(document, item, approval, reason, decider, now, ct);
                }

                outcome = await CommitAsync(document, item, proposal, approval, decider.Name, now, coApprovedBy: null, now, attempt, ct);
            }

            if (outcome is not null)
            {
                return outcome;
            }
        }
    }

    private async Task<DecisionOutcome> RejectAsync(Document document, ReviewItem item, string? reason, Decider decider, DateTimeOffset now, CancellationToken ct)
    {
        item.DecidedBy = decider.Name;
        item.DecidedAt = now;
        item.State = ReviewState.Rejected;
        item.RejectionReason = reason;
        item.HeldBy = null;
        item.HeldUntil = null;
        document.MoveTo(DocumentStatus.Rejected, now, reason);
        return await db.SaveWinningAsync(ct) ? new(DecisionResult.Rejected) : new(DecisionResult.AlreadyDecided, Refusal: DecisionRefusals.LostRace());
    }

    private async Task<DecisionOutcome> SendBackAsync(Document document, ReviewItem item, Decider decider, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.DocumentTexts.AnyAsync(t => t.DocumentId == document.Id, ct))
        {
            return new(DecisionResult.Invalid, Refusal: DecisionRefusals.NoTextToProposeFrom());
        }

        // Through the pipeline's own hand-off: the propose stage makes the next revision, and
        // the review stage reopens this item with it.
        item.Reopen();
        item.State = ReviewState.SentBack;
        item.DecidedBy = decider.Name;
        item.DecidedAt = now;
        document.MoveTo(DocumentStatus.Extracted, now, $"sent back for a new proposal by {decider.Name}", publishPending: true);
        if (!await db.SaveWinningAsync(ct))
        {
            return new(DecisionResult.AlreadyDecided, Refusal: DecisionRefusals.LostRace());
        }

        await handoff.PublishAsync(document, new TextExtracted(document.Id), ct);
        return new(DecisionResult.SentBack);
    }

    private async Task<DecisionOutcome> AwaitCoApprovalAsync(
        Document document, ReviewItem item, PendingApproval approval, CoApprovalReason reason, Decider decider, DateTimeOffset now, CancellationToken ct)
    {
        item.State = ReviewState.AwaitingCoApproval;
        item.FirstApprovedBy = decider.Name;
        item.FirstApprovedAt = now;
        item.PendingApprovalJson = approval.ToJson();
        item.HeldBy = null;
        item.HeldUntil = null;
        // The document does not move, but its version does: a concurrent decision loses.
        document.Version++;
        document.UpdatedAt = now;
        return await db.SaveWinningAsync(ct)
            ? new(DecisionResult.AwaitingCoApproval, Waits: reason)
            : new(DecisionResult.AlreadyDecided, Refusal: DecisionRefusals.LostRace());
    }

    private async Task<DecisionOutcome?> CoApproveAsync(
        Document document, ReviewItem item, Proposal? proposal, Decider decider, DateTimeOffset now, int attempt, CancellationToken ct)
    {
        var approval = PendingApproval.FromJson(item.PendingApprovalJson)
            ?? throw new InvalidOperationException($"item {item.DocumentId} awaits co-approval without a pending approval.");
        return await CommitAsync(document, item, proposal, approval, item.FirstApprovedBy!, item.FirstApprovedAt ?? now, decider.Name, now, attempt, ct);
    }

    /// <returns>The outcome, or null to try again with the next agenda number.</returns>
    private async Task<DecisionOutcome?> CommitAsync(
        Document document, ReviewItem item, Proposal? proposal, PendingApproval approval, string decidedBy, DateTimeOffset decidedAt,
        string? coApprovedBy, DateTimeOffset now, int attempt, CancellationToken ct)
    {
        var text = await db.DocumentTexts.AsNoTracking().Where(t => t.DocumentId == document.Id).Select(t => t.PagesJson).FirstOrDefaultAsync(ct);
        var year = TimeZoneInfo.ConvertTime(document.ReceivedAt, options.Value.Zone()).Year;
        try
        {
            // The register entry and its ledger entry commit together or not at all. Commits
            // queue on the ledger's head from here, so the agenda number read next stays free.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ledger.LockAsync(ct);
            var last = await db.Register.Where(e => e.Year == year).MaxAsync(e => (int?)e.AgendaNumber, ct) ?? 0;
            var entry = NewEntry(document, proposal, approval, year, last + 1, decidedBy, decidedAt, coApprovedBy, coApprovedBy is null ? null : now);
            db.Register.Add(entry);
            item.State = ReviewState.Committed;
            item.DecidedBy = coApprovedBy ?? decidedBy;
            item.DecidedAt = now;
            item.HeldBy = null;
            item.HeldUntil = null;
            document.MoveTo(DocumentStatus.Committed, now, publishPending: true);
            await ledger.AppendAsync(DecisionPayload.Record(entry, document.Sha256, text, proposal?.Revision, proposal?.FieldsJson), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            counters.Decided();
            await handoff.PublishAsync(document, Announcement(document, entry), ct);
            return new(DecisionResult.Committed, entry);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(DecisionResult.AlreadyDecided, Refusal: DecisionRefusals.LostRace());
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < AgendaNumberAttempts)
        {
            return null; // Another commit took this agenda number; take the next one.
        }
    }

    public static DocumentCommitted Announcement(Document document, RegisterEntry entry) => new(
        document.Id, document.Source, document.ExternalId, entry.AgendaLabel, entry.LetterNumber, entry.LetterDate,
        entry.Sender, entry.Perihal, entry.Urgency, entry.Security, entry.LetterType, entry.DecidedBy, entry.CoApprovedAt ?? entry.DecidedAt,
        entry.Register, entry.Unit, entry.ArchiveCode, entry.CoApprovedBy, entry.DecidedAt);

    private static RegisterEntry NewEntry(
        Document document, Proposal? proposal, PendingApproval approval, int year, int number, string decidedBy, DateTimeOffset decidedAt,
        string? coApprovedBy, DateTimeOffset? coApprovedAt)
    {
        var final = approval.Values;
        var disposition = approval.Disposition;
        return new()
        {
            DocumentId = document.Id,
            Year = year,
            AgendaNumber = number,
            LetterNumber = final.GetValueOrDefault("letterNumber"),
            LetterDate = final.GetValueOrDefault("letterDate"),
            Sender = final["sender"]!,
            Perihal = final["perihal"]!,
            Urgency = final["urgency"]!,
            Security = final["security"]!,
            LetterType = final["letterType"]!,
            Register = final.GetValueOrDefault("register"),
            Unit = final.GetValueOrDefault("unit"),
            ArchiveCode = final.GetValueOrDefault("archiveCode"),
            Summary = final.GetValueOrDefault("summary"),
            ProposalId = proposal?.Id,
            Engine = proposal?.Engine,
            Model = proposal?.Model,
            PromptVersion = proposal?.PromptVersion,
            DiffJson = approval.DiffJson,
            DecidedBy = decidedBy,
            DecidedAt = decidedAt,
            CoApprovedBy = coApprovedBy,
            CoApprovedAt = coApprovedAt,
            DispositionActions = disposition.Actions is { Count: > 0 } actions ? string.Join(',', actions) : null,
            DispositionNote = disposition.Note,
            DispositionDeadline = disposition.Deadline,
        };
    }
}
