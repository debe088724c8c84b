using KpuTriage.Core.Blobs;
using KpuTriage.Core.Documents;
using KpuTriage.Core.Email;
using KpuTriage.Core.Intake;
using KpuTriage.Core.Persistence;
using KpuTriage.Core.Pipeline;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KpuTriage.Core.Extraction;

/// <summary>
/// Reads a received document's text and stores it per page, or sends the document to a clerk
/// when it has none. A mail's attachments become documents in the same save that marks the
/// mail extracted, and each goes down the pipeline like any document. A document with pages
/// only OCR can read is handed to the OCR stage (<see cref="OcrConsumer"/>) instead: text
/// letters never wait here behind a scan.
/// </summary>
public sealed class ExtractTextConsumer(
    TriageDb db, IBlobStore blobs, TextExtractor extractor, Handoff handoff, IOptions<IntakeOptions> intake,
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
        ExtractionResult? result;
        await using (var content = await blobs.OpenReadAsync(document.Sha256, ct))
        {
            if (content is null)
            {
                result = ExtractionHandoff.MissingFile;
            }
            else if (document.Kind == DocumentKind.Email)
            {
                mail = await mails.ReadAsync(document, content, ct);
                result = mail.Text;
            }
            else
            {
                result = await extractor.ExtractWithoutOcrAsync(content, document.Kind, ct);
            }
        }

        var now = clock.GetUtcNow();
        if (result is null)
        {
            document.MoveTo(DocumentStatus.AwaitingOcr, now, publishPending: true);
            if (!await db.SaveWinningAsync(ct))
            {
                return false;
            }

            await handoff.PublishAsync(document, new OcrRequested(document.Id), ct);
            return true;
        }

        return await ExtractionHandoff.FinishAsync(db, handoff, document, result, now,
            async () => mail is null ? ExtractionHandoff.NoChildren : await mails.AddAttachmentsAsync(document, mail, now, ct), ct);
    }
}
