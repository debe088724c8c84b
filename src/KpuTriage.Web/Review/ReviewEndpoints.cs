using System.Security.Claims;
using KpuTriage.Core.People;
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
        review.MapGet("/inbox", async (ReviewInbox inbox, int? skip, int? take, CancellationToken ct) =>
        {
            var page = Math.Clamp(take ?? 50, 1, 200);
            var entries = await inbox.OpenAsync(Math.Max(skip ?? 0, 0), page, ct);
            return Results.Ok(new InboxResponse(await inbox.CountOpenAsync(ct), entries.Select(InboxLine.From).ToList()));
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
                DecisionResult.NotFound => Results.Problem(outcome.Error, statusCode: StatusCodes.Status404NotFound),
                DecisionResult.AlreadyDecided or DecisionResult.Held => Results.Problem(outcome.Error, statusCode: StatusCodes.Status409Conflict),
                DecisionResult.NotAllowed => Results.Problem(outcome.Error, statusCode: StatusCodes.Status403Forbidden),
                _ => Results.Problem(outcome.Error, statusCode: StatusCodes.Status400BadRequest),
            };
        });
    }
}
