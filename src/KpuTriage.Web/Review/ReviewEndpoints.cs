using System.Security.Claims;
using System.Text.Json;
using KpuTriage.Core.People;
using KpuTriage.Core.Refusals;
using KpuTriage.Core.Review;
using KpuTriage.Web.Auth;
using KpuTriage.Web.Documents;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

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
        review.MapPost("/{id:guid}/decision", async (Guid id, HttpContext http, ClaimsPrincipal user, DecisionService decisions, IOptions<ReviewOptions> options, CancellationToken ct) =>
        {
            var (request, unread) = await ReadAsync(http, options.Value.MaxDecisionBytes, ct);
            if (request is null)
            {
                return unread!;
            }

            var outcome = await decisions.DecideAsync(id, request, new Decider(user.Identity!.Name!, user.IsInRole(Roles.Supervisor)), ct);
            return outcome.Result switch
            {
                DecisionResult.Committed => Results.Ok(new DecisionResponse("committed", outcome.Entry!.AgendaLabel)),
                DecisionResult.Rejected => Results.Ok(new DecisionResponse("rejected", null)),
                DecisionResult.AwaitingCoApproval => Results.Accepted(
                    value: new DecisionResponse("awaiting_co_approval", null, DecisionResponse.WireName(outcome.Waits!.Value))),
                DecisionResult.SentBack => Results.Accepted(value: new DecisionResponse("sent_back", null)),
                DecisionResult.NotFound => Refused(outcome.Refusal, StatusCodes.Status404NotFound),
                DecisionResult.AlreadyDecided or DecisionResult.Held or DecisionResult.Changed => Refused(outcome.Refusal, StatusCodes.Status409Conflict),
                DecisionResult.NotAllowed => Refused(outcome.Refusal, StatusCodes.Status403Forbidden),
                _ => Refused(outcome.Refusal, StatusCodes.Status400BadRequest),
            };
        });
    }

    /// <summary>
    /// The decision in the body, read only up to Review:MaxDecisionBytes: a larger body answers
    /// 413 before any of it is parsed, so nobody can make the server hold megabytes of "perihal".
    /// </summary>
    private static async Task<(DecisionRequest? Request, IResult? Refusal)> ReadAsync(HttpContext http, long limit, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        var tooLarge = Refused(StatusCodes.Status413PayloadTooLarge, "request-too-large", $"a decision is at most {limit} bytes (Review:MaxDecisionBytes).");
        if (http.Request.ContentLength > limit)
        {
            return (null, tooLarge);
        }

        if (!http.Request.HasJsonContentType())
        {
            return (null, Refused(StatusCodes.Status415UnsupportedMediaType, "invalid-request", "send the decision as application/json."));
        }

        try
        {
            var request = await http.Request.ReadFromJsonAsync<DecisionRequest>(ct);
            return request is null ? (null, Refused(StatusCodes.Status400BadRequest, "invalid-json", "the body is not a decision.")) : (request, null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (JsonException e)
        {
            return (null, Refused(StatusCodes.Status400BadRequest, "invalid-json", $"the body is not a decision: {e.Message}"));
        }
    }

    private static IResult Refused(int status, string code, string message) =>
        Results.Problem(message, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>A problem document whose detail is the English reason and whose <c>code</c> names it for programs.</summary>
    private static IResult Refused(Refusal? refusal, int status) => Results.Problem(
        refusal?.Message, statusCode: status, extensions: refusal is null ? null : new Dictionary<string, object?> { ["code"] = refusal.Code });
}
