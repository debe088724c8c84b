using System.Security.Claims;
using KpuTriage.Core.People;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Review;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Documents;

namespace KpuTriage.Web.Review;

/// <summary>The review inbox and decisions, for clerks and supervisors.</summary>
public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var review = api.MapGroup("/review").RequireAuthorization(Policies.Review);
        review.MapGet("/inbox", async ([AsParameters] InboxRequest request, ReviewInbox inbox, CancellationToken ct) =>
        {
            var query = request.Query();
            var rows = await inbox.ListAsync(query, ct);
            var proposals = await inbox.ProposalsAsync(rows, ct);
            var lines = rows.Select(r => InboxLine.From(r, r.Item.ProposalId is { } p ? proposals.GetValueOrDefault(p) : null)).ToList();
            return Results.Ok(new InboxResponse(await inbox.CountAsync(query, null, null, ct), lines));
        });
        review.MapGet("/{id:guid}", async (Guid id, ReviewInbox inbox, CancellationToken ct) =>
            await inbox.FindAsync(id, ct) is { Item: not null } view ? Results.Ok(ReviewItemResponse.From(view)) : DocumentEndpoints.NotFound(id));
        review.MapPost("/{id:guid}/decision", async (Guid id, DecisionRequest request, ClaimsPrincipal user, DecisionService decisions, CancellationToken ct) =>
        {
            var outcome = await decisions.DecideAsync(id, request, new Decider(user.Identity!.Name!, user.IsInRole(Roles.Supervisor)), ct);
            return outcome.Result switch
            {
                DecisionResult.Committed => Results.Ok(new DecisionResponse("committed", outcome.Entry!.AgendaLabel)),
                DecisionResult.Rejected => Results.Ok(new DecisionResponse("rejected", null)),
                DecisionResult.AwaitingCoApproval => Results.Accepted(value: new DecisionResponse("awaiting_co_approval", null)),
                DecisionResult.SentBack => Results.Accepted(value: new DecisionResponse("sent_back", null)),
                DecisionResult.NotFound => Refused(outcome.Refusal, StatusCodes.Status404NotFound),
                DecisionResult.AlreadyDecided or DecisionResult.Held => Refused(outcome.Refusal, StatusCodes.Status409Conflict),
                DecisionResult.NotAllowed => Refused(outcome.Refusal, StatusCodes.Status403Forbidden),
                _ => Refused(outcome.Refusal, StatusCodes.Status400BadRequest),
            };
        });
    }

    /// <summary>A problem document whose detail is the English reason and whose <c>code</c> names it for programs.</summary>
    private static IResult Refused(Refusal? refusal, int status) => Results.Problem(
        refusal?.Message, statusCode: status, extensions: refusal is null ? null : new Dictionary<string, object?> { ["code"] = refusal.Code });
}
