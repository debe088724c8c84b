using System.Security.Claims;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Intake;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Review;
using KpuTriage.Web.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KpuTriage.Web.Documents;

/// <summary>The HTTP intake (POST /api/v1/documents) and the status of a document.</summary>
public static class DocumentEndpoints
{
    // Room for the multipart envelope around a file of exactly the maximum size.
    private const long EnvelopeSlack = 1024 * 1024;

    public static void MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/documents", SubmitAsync).RequireAuthorization(Policies.Submit).DisableAntiforgery();
        api.MapGet("/documents/{id:guid}", ReadAsync).RequireAuthorization(Policies.Submit);
    }

    /// <summary>
    /// An integration reads only documents of its own sources (a mail's attachments carry the
    /// mail's source); any other id answers exactly as an unknown one, after the same single
    /// lookup, so the answer tells nothing about another integration's letters.
    /// </summary>
    private static async Task<IResult> ReadAsync(Guid id, ClaimsPrincipal caller, TriageDb db, ReviewInbox inbox, CancellationToken ct)
    {
        if (CallerSources.Readable(caller) is { } sources
            && !await db.Documents.AnyAsync(d => d.Id == id && sources.Contains(d.Source), ct))
        {
            return NotFound(id);
        }

        return await inbox.FindAsync(id, ct) is { } view ? Results.Ok(DocumentResponse.From(view)) : NotFound(id);
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, IntakeService intake, IOptions<IntakeOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + EnvelopeSlack;
        }

        if (!http.Request.HasFormContentType)
        {
            return Refused(StatusCodes.Status415UnsupportedMediaType, "invalid_request", "send multipart/form-data with the file in field 'file'.");
        }

        IFormCollection form;
        try
        {
            // Kestrel's body limit above answers an oversize body first; this one only guards a
            // server whose limit could not be set, and is the one size error the reader reports.
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + (2 * EnvelopeSlack) }, ct);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            || (e is InvalidDataException && e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal)))
        {
            return Refused(StatusCodes.Status413PayloadTooLarge, "file_too_large", $"the upload is larger than the limit of {limit:N0} bytes (Intake:MaxBytes).");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A section header without a colon or with a broken Content-Disposition, too many or
            // too long headers, a body that ends before its closing boundary: the sender's fault.
            var detail = e is IOException ? "it ends before its closing boundary" : e.Message.TrimEnd('.');
            return Refused(StatusCodes.Status400BadRequest, "malformed_multipart",
                $"the multipart body is malformed ({detail}): send multipart/form-data with the file in field 'file', ending with the closing boundary.");
        }

        if (form.Files.GetFile("file") is not { } file)
        {
            return Refused(StatusCodes.Status400BadRequest, "invalid_request", "multipart field 'file' is missing.");
        }

        var allowed = CallerSources.Submittable(http.User);
        var requested = form["source"].ToString().Trim();
        if (requested.Length > 0 && !allowed.Contains(requested, StringComparer.Ordinal))
        {
            return Refused(StatusCodes.Status403Forbidden, "source_not_allowed",
                $"this caller may submit only as {string.Join(", ", allowed.Select(s => $"'{s}'"))}; leave 'source' out to submit as '{allowed[0]}'.");
        }

        var source = requested.Length > 0 ? requested : allowed[0];
        try
        {
            await using var content = file.OpenReadStream();
            var result = await intake.AcceptAsync(
                new IntakeRequest(source, form["externalId"].ToString(), file.FileName, file.ContentType, null, content), ct);
            var location = $"/api/v1/documents/{result.Document.Id}";
            return Results.Accepted(location, new SubmitResponse(result.Document.Id, result.Document.Status.ToWire(), result.Duplicate));
        }
        catch (IntakeRefusedException refused)
        {
            var status = refused.Refusal switch
            {
                IntakeRefusal.TooLarge => StatusCodes.Status413PayloadTooLarge,
                IntakeRefusal.UnsupportedType or IntakeRefusal.TypeMismatch => StatusCodes.Status415UnsupportedMediaType,
                IntakeRefusal.ExternalIdConflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return Refused(status, refused.Code, refused.Message);
        }
    }

    public sealed record SubmitResponse(Guid Id, string Status, bool Duplicate);

    private static IResult Refused(int status, string code, string message) =>
        Results.Problem(message, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    internal static IResult NotFound(Guid id) =>
        Results.Problem($"no document {id}.", statusCode: StatusCodes.Status404NotFound);
}
