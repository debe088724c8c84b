using KpuTriage.Core.Blobs;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Email;
using KpuTriage.Core.Intake;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using KpuTriage.Core.Review;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Reads a received document's text and stores it per page, or sends the document to a clerk
/// when it has none. A mail's attachments become documents in the same save that marks the
/// mail extracted, and each goes down the pipeline like any document.
/// </summary>
public sealed class ExtractTextConsumer(
    TriageDb db, BlobStore blobs, TextExtractor extractor, Handoff handoff, IOptions<IntakeOptions> intake,
    IOptions<TextExtractorOptions> extraction, TimeProvider clock, ILogger<ExtractTextConsumer> log)
    : IConsumer<DocumentReceived>
{
    public async Task Consume(ConsumeContext<DocumentReceived> context)
    {
        var ct = context.CancellationToken;
        var document = await StageInput.LoadAsync(db, context.Message.DocumentId, DocumentStatus.Received, log, ct);
        if (document is not null)
        {
            await ExtractAsync(document, ct);
        }
    }

    /// <returns>True when this call moved the document on; false when a concurrent delivery already had.</returns>
    internal async Task<bool> ExtractAsync(Document document, CancellationToken ct)
    {
        var mails = new MailUnpacker(db, blobs, intake.Value, extraction.Value);
        MailReading? mail = null;
        ExtractionResult result;
        if (!blobs.Exists(document.Sha256))
        {
            result = ExtractionResult.NeedsHuman("none", "the stored file is missing from the blob store");
        }
        else
        {
            await using var content = blobs.OpenRead(document.Sha256);
            if (document.Kind == DocumentKind.Email)
            {
                mail = await mails.ReadAsync(document, content, ct);
                result = mail.Text;
            }
            else
            {
                result = await extractor.ExtractAsync(content, document.Kind, ct);
            }
        }

        var now = clock.GetUtcNow();
        if (result.ManualTriageReason is { } reason)
        {
            // What was read before a limit or a failing page is kept for the clerk to see.
            if (result.Pages.Count > 0)
            {
                db.DocumentTexts.Add(DocumentText.From(document.Id, result, now));
            }

            await ManualTriage.RouteAsync(db, document, reason, null, now, ct);
            return await db.SaveWinningAsync(ct);
        }

        db.DocumentTexts.Add(DocumentText.From(document.Id, result, now));
        var attachments = mail is null ? [] : await mails.AddAttachmentsAsync(document, mail, now, ct);
        document.MoveTo(DocumentStatus.Extracted, now, publishPending: true);
        if (!await db.SaveWinningAsync(ct))
        {
            return false;
        }

        await handoff.PublishAsync(document, new TextExtracted(document.Id), ct);
        foreach (var attachment in attachments)
        {
            await handoff.PublishAsync(attachment, new DocumentReceived(attachment.Id), ct);
        }

        return true;
    }
}
