using KpuTriage.Core.Blobs;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Register;
using KpuTriage.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace KpuTriage.Web.Desk;

/// <summary>
/// Files the desk's pages show or offer, each behind the review policy: page images of PDFs,
/// the original image of a scan (served as-is, as an image type only), and the register export.
/// </summary>
public static class DeskFiles
{
    private static readonly Dictionary<string, string> ImageTypes = new(StringComparer.Ordinal)
    {
        ["89504E47"] = "image/png",
        ["FFD8FF"] = "image/jpeg",
        ["49492A00"] = "image/tiff",
        ["4D4D002A"] = "image/tiff",
    };

    // No turn to draw came in PageImages:RenderTimeout: other pages of the letter are being drawn.
    private static IResult TryLater() => Results.Text("busy drawing other pages; try again", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);

    public static void MapDeskFiles(this WebApplication app)
    {
        var files = app.MapGroup("").RequireAuthorization(Policies.Review);
        files.MapGet("/documents/{id:guid}/pages/{page:int}", async (Guid id, int page, TriageDb db, PageImages images, CancellationToken ct) =>
        {
            var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
            var pageCount = await db.DocumentTexts.AsNoTracking().Where(t => t.DocumentId == id).Select(t => (int?)t.PageCount).FirstOrDefaultAsync(ct);
            var image = document is null || pageCount is null ? PageImage.None : await images.PdfPageAsync(document, page, pageCount.Value, ct);
            return image switch
            {
                { Path: { } path } => Results.File(path, "image/png"),
                { Failure: { } reason } => Results.Text(reason, "text/plain", statusCode: StatusCodes.Status422UnprocessableEntity),
                { Busy: true } => TryLater(),
                _ => Results.NotFound(),
            };
        });
        files.MapGet("/documents/{id:guid}/file", async (Guid id, TriageDb db, IBlobStore blobs, CancellationToken ct) =>
        {
            var document = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
            if (document is not { Kind: DocumentKind.Image })
            {
                return Results.NotFound();
            }

            // The type comes from the bytes, never from what the sender declared.
            var head = new byte[4];
            var content = await blobs.OpenReadAsync(document.Sha256, ct);
            if (content is null)
            {
                return Results.NotFound();
            }

            await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            var hex = Convert.ToHexString(head);
            var type = ImageTypes.FirstOrDefault(t => hex.StartsWith(t.Key, StringComparison.Ordinal)).Value;
            if (type is null)
            {
                await content.DisposeAsync();
                return Results.NotFound();
            }

            // Byte ranges (a viewer fetching part of a large scan, a download resumed): every
            // store's stream seeks, so only the range is read. The address is the content's
            // hash, a strong entity tag for If-Range.
            content.Seek(0, SeekOrigin.Begin);
            return Results.Stream(content, type, entityTag: new EntityTagHeaderValue($"\"{document.Sha256}\""), enableRangeProcessing: true);
        });
        files.MapGet("/register/export", async (HttpContext http, RegisterSearch register, string? format, CancellationToken ct) =>
        {
            var query = RegisterFilter.FromQuery(http.Request.Query).Query();
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
            if (format == "xlsx")
            {
                // OpenXml needs a seekable stream; the buffer is bounded by the register's size.
                using var buffer = new MemoryStream();
                await RegisterExport.WriteXlsxAsync(buffer, register.AllAsync(query), ct);
                return Results.File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"buku-agenda-{stamp}.xlsx");
            }

            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"buku-agenda-{stamp}.csv\"";
            await RegisterExport.WriteCsvAsync(http.Response.Body, register.AllAsync(query), ct);
            return Results.Empty;
        });
    }
}
